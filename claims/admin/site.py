"""The admin site's name and where "View site" leads (the API: the admin is the site's back office)."""

from django.contrib import admin

admin.site.site_header = "Claimtracker review"
admin.site.site_title = "Claimtracker"
admin.site.index_title = "Statements, speakers, topics and stances to review"
admin.site.site_url = "/api/"
