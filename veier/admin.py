"""Admin for what the project takes from other packages.

django-post-office's «requeue» action declares no permission, so any curator who can see the mail
list could send failed mails again. Every admin action here asks the permission that fits it:
requeueing changes the e-mails.
"""

from post_office import admin as post_office_admin

post_office_admin.requeue.allowed_permissions = ("change",)
