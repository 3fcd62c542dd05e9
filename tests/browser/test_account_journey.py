"""A new professional creates an account, confirms it from the e-mail they received
on a real SMTP server, logs in and edits their profile; all in Chromium."""

import re

from portal.models import User


def test_visitor_signs_up_confirms_email_logs_in_and_edits_profile(page, smtp_server):
    page.goto("/")
    page.get_by_role("link", name="Account maken").click()

    page.get_by_label("Volledige naam").fill("Sanne de Vries")
    page.locator("main").get_by_label("E-mail").fill("sanne@example.org")
    page.get_by_label("Organisatie").fill("Provincie Utrecht")
    page.get_by_label("Sector").select_option("provincie")
    page.get_by_label("Wachtwoord", exact=True).fill("Lange-zinnen-zijn-sterk-7")
    page.get_by_label("Wachtwoord (bevestigen)").fill("Lange-zinnen-zijn-sterk-7")
    page.get_by_role("button", name="Account maken").click()
    page.get_by_role("heading", name="Verifieer je e-mailadres").wait_for()

    # Mandatory verification: no logging in before the address is confirmed.
    user = User.objects.get(email="sanne@example.org")
    assert (user.full_name, user.organisation, user.sector) == (
        "Sanne de Vries",
        "Provincie Utrecht",
        "provincie",
    )

    [message] = smtp_server.wait_for(1)
    assert message["To"] == "sanne@example.org"
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", smtp_server.text_of(message))
    assert link, smtp_server.text_of(message)

    page.goto(link.group(0))
    page.get_by_role("button", name="Bevestig").click()

    page.locator("main").get_by_label("E-mail").fill("sanne@example.org")
    page.get_by_label("Wachtwoord").fill("Lange-zinnen-zijn-sterk-7")
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", name="Mijn account").wait_for()
    assert page.get_by_text("Provincie Utrecht").is_visible()

    page.get_by_role("link", name="Profiel wijzigen").click()
    page.get_by_label("Functie").fill("Adviseur open data")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_text("Je profiel is opgeslagen.").wait_for()
    assert page.get_by_text("Adviseur open data").is_visible()
    user.refresh_from_db()
    assert user.job_title == "Adviseur open data"


def test_keyboard_user_skips_to_content_and_reaches_the_menu(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    assert skip_link.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

    # Every interactive element in the header is reachable with Tab, and focus shows.
    page.goto("/")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
    assert "Inloggen" in reached
    assert "Zoeken" in reached
