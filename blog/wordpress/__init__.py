"""Moving a WordPress site in: its export file (WXR) becomes articles, authors,
comments, images and redirects from every old address (issue #17).

parser.py streams the file; html.py and shortcodes.py turn a post's HTML into blocks;
images.py and redirects.py do the library and the old addresses; importer.py puts one
post at a time in the database and writes the report (report.py). The command
(`manage.py import_wordpress`) and the admin's upload (blog/admin_views.py, run by
blog/tasks.py) both call importer.run_import.
"""
