"""A person's submissions are in their data download; deleting the account removes
their name and address from the initiatives, which stay on the map."""

from initiatives.models import Initiative
from portal.personal_data import delete_user, export_user_data


def test_submissions_are_in_the_data_download_and_anonymised_on_deletion(
    professional, make_initiative
):
    initiative = make_initiative(
        submitted_by=professional, submitter_name="Priya", submitter_email="p@example.nl"
    )
    data = export_user_data(professional)
    assert data["initiatives"][0]["title"] == initiative.title
    delete_user(professional)
    initiative.refresh_from_db()
    assert initiative.submitted_by is None
    assert initiative.submitter_name == ""
    assert initiative.submitter_email == ""
    assert Initiative.objects.published().count() == 1
