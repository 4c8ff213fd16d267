"""The admin site's name, where "View site" leads, and room for the lists.

"View site" leads to the API (the admin is the site's back office). The models' sidebar is
off: the header links to the pages reviewers use, and the lists get the width they need.
"""

from django.contrib import admin

admin.site.site_header = "Claimtracker review"
admin.site.site_title = "Claimtracker"
admin.site.index_title = "Statements, speakers, topics and stances to review"
admin.site.site_url = "/api/"
admin.site.enable_nav_sidebar = False
