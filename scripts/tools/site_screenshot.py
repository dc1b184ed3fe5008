"""A screenshot of the seed article's evidence page, for the README, taken with headless Chromium.

    python -m scripts.tools.site_screenshot [--out docs/site-seed-article.png]

Needs Debian's `chromium` and `chromium-driver` (apt-get install chromium chromium-driver) and the `selenium` package
of the [test] extra. `open_chromium` is also what tests/test_site.py drives the pages with: the system browser and
driver only (nothing is downloaded), headless, a fresh profile, the browser's console log kept."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = "blinken-astana-2023-02-28"
OPTIONS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def missing_browser() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (the [test] extra of pyproject.toml)"
    if not browser_binary() or not shutil.which("chromedriver"):
        return "chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)"
    return None


def browser_binary() -> str | None:
    """The system's Chromium, if any."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextlib.contextmanager
def open_chromium(width: int = 1400, height: int = 1000):
    """A headless Chromium driven through the system's chromedriver, in a fresh profile removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        options = webdriver.ChromeOptions()
        for option in (*OPTIONS, f"--window-size={width},{height}", f"--user-data-dir={profile}"):
            options.add_argument(option)
        options.binary_location = browser_binary()
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
        try:
            yield driver
        finally:
            driver.quit()


def screenshot(site: Path, out: Path) -> None:
    """The seed article's page, the pointer on the first "Anthony Blinken": the panel shows the rows it became."""
    from selenium.webdriver.common.action_chains import ActionChains

    with open_chromium() as driver:
        driver.get((site / "articles" / f"{SEED}.html").resolve().as_uri())
        mark = next(
            m for m in driver.find_elements("css selector", "#text mark.k-mention") if m.text == "Anthony Blinken"
        )
        ActionChains(driver).move_to_element(mark).perform()
        driver.execute_script("window.scrollTo(0, 0)")
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.tools.site_screenshot", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "site-seed-article.png")
    args = parser.parse_args(argv)
    reason = missing_browser()
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 1
    screenshot(ROOT / "data" / "site", args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
