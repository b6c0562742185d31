"""What the browser tests share: a throwaway hub, a headless Chromium, a real PNG, and small helpers.

Each test module gets one hub (PostgreSQL and the six executables, see Tests/pyhub) and one browser
for all its tests. The helpers are plain functions; test modules import them with
`from conftest import ...` (pytest puts this folder on sys.path). Screenshots go to artifacts/browser/.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser
(scripts/browser-deps installs Chromium, its driver and Selenium.)
"""

import base64
import os
import shutil
import struct
import sys
import tempfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
import pyhub  # noqa: E402

try:  # a missing Selenium fails the tests (see `browser`), it does not stop the modules loading
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import (NoSuchElementException, StaleElementReferenceException,
                                            WebDriverException)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    webdriver = None

ARTIFACTS = ROOT / "artifacts" / "browser"
WINDOW = (1280, 900)
# A phone's screen, for the tests of the citizen's pages on a phone (the trial of issue 14).
PHONE = (390, 844)


# ----------------------------------------------------------------------------------------------
# The hub, the browser, a photo


@pytest.fixture(scope="module")
def hub():
    with pyhub.Hub(pyhub.built_executables(), prefix="hub-browser-") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    # Missing pieces fail rather than skip: `make test` installs them with scripts/browser-deps.
    if webdriver is None:
        pytest.fail("Selenium is not installed: run scripts/browser-deps")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.fail("Chromium or chromedriver is not installed: run scripts/browser-deps")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                     "--no-proxy-server", f"--window-size={WINDOW[0]},{WINDOW[1]}", "--lang=id-ID"):
        options.add_argument(argument)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root inside its sandbox
    # The profile, the singleton socket, crash reports and caches land in one folder removed at the
    # end, not in /tmp or the user's home.
    with tempfile.TemporaryDirectory(prefix="hub-browser-chromium-", ignore_cleanup_errors=True) as home:
        env = dict(os.environ, HOME=home, TMPDIR=home, XDG_CONFIG_HOME=f"{home}/config",
                   XDG_CACHE_HOME=f"{home}/cache")
        driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path, env=env))
        try:
            driver.set_page_load_timeout(20)
            yield driver
        finally:
            driver.quit()


@pytest.fixture(scope="module")
def phone(browser):
    """The module's browser at a phone's size."""
    browser.set_window_size(*PHONE)
    return browser


def png_bytes(width=48, height=32, blue=160):
    """A real PNG of a colour gradient, small enough for any upload limit."""
    rows = b"".join(b"\x00" + b"".join(bytes([x * 5 % 256, y * 7 % 256, blue]) for x in range(width))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def photo():
    """A real 48×32 PNG in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="hub-browser-photo-") as folder:
        path = Path(folder) / "jalan-berlubang.png"
        path.write_bytes(png_bytes())
        yield path


# ----------------------------------------------------------------------------------------------
# Helpers


def screenshot(driver, name):
    """The whole page, not only the window, as artifacts/browser/<name>."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    (ARTIFACTS / name).write_bytes(base64.b64decode(shot["data"]))


def by_id(driver, element_id):
    return driver.find_element(By.ID, element_id)


def focused_id(driver):
    return driver.execute_script("return document.activeElement && document.activeElement.id")


def label_text(driver, field):
    return driver.find_element(By.CSS_SELECTOR, f"label[for='{field}']").text.strip()


# Chromium answers this, instead of "stale element", when it is asked about a node in the very moment
# a navigation swaps the document out from under it.
_SWAPPED_DOCUMENT = "does not belong to the document"


def wait_for(driver, condition, timeout=pyhub.SETTLE_SECONDS):
    """Polls `condition` while a navigation replaces the page under it."""
    def polled(current):
        try:
            return condition(current)
        except WebDriverException as error:
            if _SWAPPED_DOCUMENT in (error.msg or ""):
                return False
            raise
    return WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException,
                                                             StaleElementReferenceException)).until(polled)
