"""The public statistics page in Chromium (issue 17): on a desktop and on a phone the known cases'
figures read in the tables, the charts are drawn (SVG, with their titles) without any script, nothing
overflows the phone's screen but the tables' own scrolling boxes, and the filters work as a plain form.
Screenshots: artifacts/browser/statistics-desktop.png, statistics-phone.png.
"""

import sys
from pathlib import Path

import pytest
from conftest import PHONE, WINDOW, by_id, screenshot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "statistics"))
from known_cases import PERIOD, load  # noqa: E402

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


@pytest.fixture(scope="module")
def known(hub):
    return load(hub)


def cell(driver, table, code, figure):
    return driver.find_element(By.CSS_SELECTOR, f'#{table}-table tr[data-code="{code}"] td[data-figure="{figure}"]').text


def test_the_statistics_page_reads_on_a_desktop(hub, browser, known):
    browser.set_window_size(*WINDOW)
    browser.get(hub.url + "/statistik?" + PERIOD)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Statistik pengaduan"
    assert cell(browser, "categories", "pekerjaan-umum", "received") == "5"
    assert cell(browser, "categories", "pekerjaan-umum", "within_deadline_share") == "66,67 %"
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 3 and all(chart.size["width"] > 300 for chart in charts)
    assert browser.execute_script("return document.scripts.length") == 0
    screenshot(browser, "statistics-desktop.png")
    # The filters are a plain GET form: choosing a kecamatan narrows the figures.
    Select(by_id(browser, "area")).select_by_value("99.01.01")
    by_id(browser, "area").submit()
    assert by_id(browser, "chosen-area").text == "99.01.01"
    assert cell(browser, "categories", "pekerjaan-umum", "received") == "2"


def test_the_statistics_page_reads_on_a_phone(hub, browser, known):
    browser.set_window_size(*PHONE)
    browser.get(hub.url + "/statistik?" + PERIOD)
    # Nothing wider than the screen but the tables, which scroll inside their own boxes.
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    for chart in browser.find_elements(By.CSS_SELECTOR, "svg.chart"):
        assert chart.size["width"] <= PHONE[0]
    assert cell(browser, "agencies", "dpupr", "median_hours_to_resolve") == "30"
    screenshot(browser, "statistics-phone.png")
    browser.get(hub.url + "/statistik?from=2026-03-15&to=2026-03-02")
    assert "Tanggal awal tidak boleh sesudah tanggal akhir." in by_id(browser, "refusal").text
