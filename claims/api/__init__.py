"""REST API: serializers, filter sets, viewsets and the router."""
