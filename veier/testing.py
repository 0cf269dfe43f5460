"""Helpers for the test suites of every app."""

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page) -> None:
    """Run axe-core on the page and fail with its report if it finds any WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
