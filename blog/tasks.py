"""Background work of the blog: importing a WordPress export uploaded in the admin
(thousands of posts take minutes). The task gets the import's id only; the file it
reads sits outside the public media and is deleted when the import is done, as it
holds the commenters' e-mail addresses."""

from pathlib import Path

from django.conf import settings
from django.tasks import task

from .models import WordPressImport
from .wordpress.importer import ImportFailed, run_import


@task()
def import_wordpress(import_id: int) -> str:
    job = WordPressImport.objects.get(pk=import_id)
    job.status = WordPressImport.Status.RUNNING
    job.save(update_fields=["status"])

    def progress(done, total):
        WordPressImport.objects.filter(pk=import_id).update(posts_done=done, posts_total=total)

    path = Path(job.file_path)
    try:
        report = run_import(
            path, uploads_dir=getattr(settings, "WORDPRESS_UPLOADS_DIR", None), progress=progress
        )
    except ImportFailed as error:
        job.status, job.error = WordPressImport.Status.FAILED, str(error)
    except Exception:
        job.status, job.error = WordPressImport.Status.FAILED, "unexpected error"
        job.save(update_fields=["status", "error"])
        raise
    else:
        job.status, job.report = WordPressImport.Status.DONE, report.as_dict()
    finally:
        path.unlink(missing_ok=True)
    job.save(update_fields=["status", "error", "report"])
    return job.status
