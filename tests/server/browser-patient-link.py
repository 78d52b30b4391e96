#!/usr/bin/python3
# A patient's link in a real browser: starts careline-server on
# 127.0.0.1, has a case manager issue a link, opens /p/TOKEN in Debian's
# Chromium (headless, phone-sized, driven by chromedriver through
# python3-selenium), sends it with a question left out (the page comes
# back with the message at that question), then fills the EPDS and sends
# it; a desk then pulls the score from the change feed, as its sync
# does.  Once in Chinese and once in English, with screenshots of each
# page (build/tests/screenshot-link-*-LANG.png).
#
# It fails, never skips, when Chromium, chromedriver or selenium is
# missing: the browser is what it tests.
#
# Usage: browser-patient-link.py CARELINE_SERVER   (TAP on stdout)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import urllib.request
import uuid

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE = (390, 844)

# EPDS answers by option position, item 1 to 10, and the score they make
# (items 3, 5-10 are reverse-scored: the first option scores 3).
ANSWERS_ZH = [0, 1, 1, 2, 3, 3, 2, 3, 3, 3]     # 0+1+2+2+0+0+1+0+0+0 = 6, item 10 "never"
TOTAL_ZH = 6
ANSWERS_EN = [3, 3, 0, 3, 0, 0, 0, 0, 0, 2]     # 3+3+3+3+3+3+3+3+3+1 = 28, self-harm flagged
TOTAL_EN = 28


def fail(message):
    print("Bail out! " + message, flush=True)
    sys.exit(1)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:
    fail("python3-selenium is needed (.ci/install-deps installs it): %s" % error)


class Server:
    def __init__(self, binary, workdir):
        self.binary = binary
        self.db = os.path.join(workdir, "careline.db")
        self.run(["user", "add", "cm", "--role", "case_manager", "--db", self.db], "pw-cm\n")
        self.process = subprocess.Popen([binary, "serve", "--db", self.db, "--listen", "127.0.0.1:0"],
                                        stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "http://" not in line:
            fail("the server did not start: %r" % line)
        self.url = line[line.index("http://"):].strip()
        self.token = self.call("POST", "/session", {"username": "cm", "password": "pw-cm"})["token"]

    def run(self, args, stdin=None):
        subprocess.run([self.binary] + args, input=stdin, text=True, check=True,
                       stdout=subprocess.DEVNULL)

    def call(self, method, path, body=None):
        request = urllib.request.Request(self.url + "api/v1" + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None)
        request.add_header("Content-Type", "application/json")
        if getattr(self, "token", None):
            request.add_header("Authorization", "Bearer " + self.token)
        with urllib.request.urlopen(request) as answer:
            return json.loads(answer.read().decode())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def push_patient(server, name):
    patient_id, pregnancy_id = str(uuid.uuid4()), str(uuid.uuid4())
    changes = [
        {"key": str(uuid.uuid4()), "table": "patient", "id": patient_id, "base_rev": 0, "op": "upsert",
         "data": {"name": name, "phone": "13800138000"}},
        {"key": str(uuid.uuid4()), "table": "pregnancy", "id": pregnancy_id, "base_rev": 0, "op": "upsert",
         "data": {"patient_id": patient_id, "lmp": "2026-04-01", "status": "ongoing",
                  "gravida": 1, "para": 0, "risk": "green"}},
    ]
    results = server.call("POST", "/changes", {"changes": changes})["results"]
    assert [r["status"] for r in results] == ["applied", "applied"], results
    return patient_id


def browser(accept_language):
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            fail("%s is missing (.ci/install-deps installs chromium and chromium-driver)" % path)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--lang=" + accept_language.split(",")[0],
                     "--window-size=%d,%d" % PHONE):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(*PHONE)
    return driver


def screenshot(driver, name, lang):
    """The whole page at the phone's width."""
    directory = os.environ.get("G_TEST_BUILDDIR", ".")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    # The window is a little taller than the page it shows.
    driver.set_window_size(PHONE[0], max(PHONE[1], height + 160))
    path = os.path.join(directory, "screenshot-link-%s-%s.png" % (name, lang))
    driver.save_screenshot(path)
    driver.set_window_size(*PHONE)
    # The first screen, as her phone shows it.
    driver.save_screenshot(os.path.join(directory, "screenshot-link-%s-top-%s.png" % (name, lang)))
    return path


def choose(driver, item, option):
    """Taps the option's label, as a thumb would."""
    radio = driver.find_element(By.CSS_SELECTOR, "input[name='q%d'][value='%d']" % (item, option))
    label = radio.find_element(By.XPATH, "./ancestor::label")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()
    assert radio.is_selected(), (item, option)


def replaced(old):
    """True once @old's page is gone.  While the next page loads,
    chromedriver may answer for the old node with a stale-element error
    or with a generic "does not belong to the document" one: either says
    the page was replaced."""
    def check(driver):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def submit(driver):
    """Sends the form and waits for the answer's page to be complete."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 30).until(replaced(old))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def fill_and_send(server, lang, accept_language, name, answers, total, texts):
    patient_id = push_patient(server, name)
    link = server.call("POST", "/patient-links", {"patient_id": patient_id, "form": "epds"})
    driver = browser(accept_language)
    try:
        driver.get(link["url"])
        body = driver.find_element(By.TAG_NAME, "body").text
        for text in texts["form"]:
            assert text in body, (text, body[:400])
        assert name not in body, "her full name is on the page"
        assert "13800138000" not in body
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == texts["html_lang"]
        # Each question is a fieldset with its legend, each answer a
        # labelled radio button.
        fieldsets = driver.find_elements(By.TAG_NAME, "fieldset")
        assert len(fieldsets) == 10, len(fieldsets)
        for fieldset in fieldsets:
            assert fieldset.find_element(By.TAG_NAME, "legend").text.strip()
            assert len(fieldset.find_elements(By.CSS_SELECTOR, "label input[type=radio]")) == 4
        # Its own style applies (the Content-Security-Policy lets it by
        # its hash): a blue, full-width button.
        button = driver.find_element(By.CSS_SELECTOR, "button[type=submit]")
        assert button.value_of_css_property("background-color") in ("rgba(28, 113, 216, 1)", "rgb(28, 113, 216)"), \
            button.value_of_css_property("background-color")
        # Nothing wider than her screen.
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= PHONE[0], width
        screenshot(driver, "form", lang)

        # Question 7 left out: the page again, her answers kept.
        for item, option in enumerate(answers, 1):
            if item != 7:
                choose(driver, item, option)
        submit(driver)
        body = driver.find_element(By.TAG_NAME, "body").text
        assert texts["missing"] in body, body[:400]
        assert driver.find_element(By.ID, "q7-error").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "input[name='q1'][value='%d']" % answers[0]).is_selected()
        screenshot(driver, "missing", lang)
        changes = server.call("GET", "/changes?since=0&limit=5000")["changes"]
        assert not [c for c in changes if c["table"] == "scale_result" and c["data"]["patient_id"] == patient_id]

        driver.find_element(By.CSS_SELECTOR, "a[href='#q7']").click()
        choose(driver, 7, answers[6])
        submit(driver)
        body = driver.find_element(By.TAG_NAME, "body").text
        assert texts["thanks"] in body, body[:400]
        assert str(total) not in body, "the score is on her page"
        screenshot(driver, "thanks", lang)

        # Opened again: the link is spent.
        driver.get(link["url"])
        body = driver.find_element(By.TAG_NAME, "body").text
        assert texts["spent"] in body, body[:400]
    finally:
        driver.quit()

    # The desk sees her score, pulled like every change.
    changes = server.call("GET", "/changes?since=0&limit=5000")["changes"]
    results = [c["data"] for c in changes
               if c["table"] == "scale_result" and c["data"]["patient_id"] == patient_id]
    assert len(results) == 1, results
    assert results[0]["source"] == "link" and results[0]["scale_id"] == "epds", results[0]
    assert results[0]["total"] == total, (results[0]["total"], total)
    assert json.loads(results[0]["answers"]) == answers, results[0]["answers"]
    return results[0], changes


def test_chinese(server):
    result, _ = fill_and_send(server, "zh_CN", "zh-CN,zh", "张小梅", ANSWERS_ZH, TOTAL_ZH, {
        "html_lang": "zh-CN",
        "form": ["小梅，您好", "爱丁堡产后抑郁量表", "我能看到事物有趣的一面", "提交我的答案"],
        "missing": "请回答每一道题",
        "thanks": "谢谢您",
        "spent": "此问卷已经填写过了",
    })
    assert result["flags"] == "", result


def test_english(server):
    result, changes = fill_and_send(server, "en", "en-US,en", "欧阳娜娜", ANSWERS_EN, TOTAL_EN, {
        "html_lang": "en",
        "form": ["Hello, 娜娜", "Edinburgh Postnatal Depression Scale",
                 "I have been able to laugh and see the funny side of things", "Send my answers"],
        "missing": "Please answer every question",
        "thanks": "Thank you",
        "spent": "This form has been answered",
    })
    assert result["flags"] == "self-harm", result
    # The flagged answer put the urgent call on a worklist at once.
    urgent = [c["data"] for c in changes
              if c["table"] == "followup_item" and c["data"].get("source_id") == result["id"]]
    assert len(urgent) == 1 and urgent[0]["kind"] == "psychological-support", urgent


def main():
    if len(sys.argv) != 2:
        fail("usage: browser-patient-link.py CARELINE_SERVER")
    workdir = tempfile.mkdtemp(prefix="careline-browser-link-")
    tests = [test_chinese, test_english]
    print("1..%d" % len(tests), flush=True)
    failed = 0
    server = Server(sys.argv[1], workdir)
    try:
        for i, test in enumerate(tests, 1):
            try:
                test(server)
                print("ok %d %s" % (i, test.__name__), flush=True)
            except Exception:
                failed += 1
                print("not ok %d %s" % (i, test.__name__), flush=True)
                for line in traceback.format_exc().splitlines():
                    print("# " + line, flush=True)
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
