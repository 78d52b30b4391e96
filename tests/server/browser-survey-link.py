#!/usr/bin/python3
# A satisfaction survey answered at the patient's link in a real
# browser: starts careline-server on 127.0.0.1, has the service desk
# start a campaign and issue her a survey link, opens /p/TOKEN in
# Debian's Chromium (headless, phone-sized, driven by chromedriver
# through python3-selenium), sends it with the department and a question
# left out (the page comes back with the messages there, her answers
# kept, nothing stored), then completes and sends it; the desk then pulls
# the stored answer from the change feed.  In Chinese (the outpatients'
# survey, which names her and asks the department) and in English (the
# anonymous survey on the openness of hospital affairs, whose answer
# names no one), with screenshots (build/tests/screenshot-survey-link-*).
#
# It fails, never skips, when Chromium, chromedriver or selenium is
# missing: the browser is what it tests.  The server, browser and page
# helpers are browser-patient-link.py's.
#
# Usage: browser-survey-link.py CARELINE_SERVER   (TAP on stdout)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import json
import os
import shutil
import sys
import tempfile
import traceback
import uuid

_spec = importlib.util.spec_from_file_location(
    "browser_patient_link", os.path.join(os.path.dirname(os.path.abspath(__file__)), "browser-patient-link.py"))
link_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(link_helpers)

By = link_helpers.By
PHONE = link_helpers.PHONE


class DeskServer(link_helpers.Server):
    """The server with an administrator and a service desk user."""

    def __init__(self, binary, workdir):
        self.binary = binary
        self.db = os.path.join(workdir, "careline.db")
        self.run(["user", "add", "admin", "--role", "admin", "--db", self.db], "pw-admin\n")
        self.run(["user", "add", "desk", "--role", "service_desk", "--db", self.db], "pw-desk\n")
        import subprocess
        self.process = subprocess.Popen([binary, "serve", "--db", self.db, "--listen", "127.0.0.1:0"],
                                        stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "http://" not in line:
            link_helpers.fail("the server did not start: %r" % line)
        self.url = line[line.index("http://"):].strip()
        self.tokens = {}
        for user in ("admin", "desk"):
            self.token = None
            self.tokens[user] = self.call("POST", "/session", {"username": user, "password": "pw-" + user})["token"]

    def as_user(self, user, method, path, body=None):
        self.token = self.tokens[user]
        return self.call(method, path, body)

    def push(self, user, table, data):
        record_id = str(uuid.uuid4())
        results = self.as_user(user, "POST", "/changes", {"changes": [
            {"key": str(uuid.uuid4()), "table": table, "id": record_id, "base_rev": 0, "op": "upsert",
             "data": data}]})["results"]
        assert results[0]["status"] == "applied", (table, results)
        return record_id


def screenshot(driver, name, lang):
    directory = os.environ.get("G_TEST_BUILDDIR", ".")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(PHONE[0], max(PHONE[1], height + 160))
    driver.save_screenshot(os.path.join(directory, "screenshot-survey-link-%s-%s.png" % (name, lang)))
    driver.set_window_size(*PHONE)


def choose(driver, question, value):
    radio = driver.find_element(By.CSS_SELECTOR, "input[name='q-%s'][value='%s']" % (question, value))
    label = radio.find_element(By.XPATH, "./ancestor::label")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()
    assert radio.is_selected(), (question, value)


def survey_answers(server, campaign_id):
    changes = server.as_user("desk", "GET", "/changes?since=0&limit=5000")["changes"]
    return [c["data"] for c in changes if c["table"] == "survey_answer" and c["data"]["campaign_id"] == campaign_id]


def fill(server, lang, accept_language, name, template_id, anonymous, marks, texts):
    department_id = server.push("admin", "department", {"name": texts["department"][0],
                                                        "name_en": texts["department"][1], "active": True})
    patient_id = server.push("admin", "patient", {"name": name, "phone": "13800138000"})
    campaign_id = server.push("desk", "survey_campaign", {
        "template_id": template_id, "quarter": "2026-Q4", "title": texts["title"], "target": 100,
        "anonymous": anonymous, "status": "open",
        "people": json.dumps([{"kind": "patient", "id": patient_id}])})
    link = server.as_user("desk", "POST", "/patient-links",
                          {"patient_id": patient_id, "form": campaign_id, "kind": "survey"})
    driver = link_helpers.browser(accept_language)
    try:
        driver.get(link["url"])
        body = driver.find_element(By.TAG_NAME, "body").text
        for text in texts["form"]:
            assert text in body, (text, body[:600])
        assert name not in body, "her full name is on the page"
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == texts["html_lang"]
        fieldsets = driver.find_elements(By.TAG_NAME, "fieldset")
        assert len(fieldsets) == texts["fieldsets"], len(fieldsets)
        for fieldset in fieldsets:
            assert fieldset.find_element(By.TAG_NAME, "legend").text.strip()
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= PHONE[0], width
        screenshot(driver, "form", lang)

        # The first question (and the department, where asked) left out.
        first = marks[0][0]
        for question, value in marks[1:]:
            choose(driver, question, value)
        driver.find_element(By.CSS_SELECTOR, "textarea[name='q-opinion']").send_keys(texts["opinion"])
        link_helpers.submit(driver)
        body = driver.find_element(By.TAG_NAME, "body").text
        assert texts["missing"] in body, body[:600]
        assert driver.find_element(By.ID, "q-%s-error" % first).is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "input[name='q-%s'][value='%s']"
                                   % marks[1]).is_selected(), "her answers were not kept"
        assert driver.find_element(By.CSS_SELECTOR, "textarea[name='q-opinion']").get_attribute("value") \
            == texts["opinion"]
        if texts["asks_department"]:
            assert driver.find_element(By.ID, "department-error").is_displayed()
        screenshot(driver, "missing", lang)
        assert survey_answers(server, campaign_id) == []

        choose(driver, *marks[0])
        if texts["asks_department"]:
            select = driver.find_element(By.ID, "department-choice")
            select.find_element(By.CSS_SELECTOR, "option[value='%s']" % department_id).click()
        link_helpers.submit(driver)
        body = driver.find_element(By.TAG_NAME, "body").text
        assert texts["thanks"] in body, body[:400]
        screenshot(driver, "thanks", lang)

        driver.get(link["url"])
        assert texts["spent"] in driver.find_element(By.TAG_NAME, "body").text
    finally:
        driver.quit()

    stored = survey_answers(server, campaign_id)
    assert len(stored) == 1, stored
    answer = stored[0]
    assert answer["channel"] == "link", answer
    if anonymous:
        assert not answer["person_id"] and not answer["person_kind"], answer
    else:
        assert answer["person_id"] == patient_id and answer["person_kind"] == "patient", answer
    assert answer["department_id"] == (department_id if texts["asks_department"] else None) \
        or (not texts["asks_department"] and not answer["department_id"]), answer
    given = json.loads(answer["answers"])
    expected = {q: (v == "yes" if v in ("yes", "no") else int(v)) for q, v in marks}
    expected["opinion"] = texts["opinion"]
    assert given == expected, (given, expected)


def test_chinese(server):
    fill(server, "zh_CN", "zh-CN,zh", "张小梅", "outpatient", False,
         [("guide", "5"), ("registration", "4"), ("wait", "3"), ("doctor", "5"), ("nurse", "5"),
          ("tests", "4"), ("clean", "4"), ("privacy", "yes"), ("gift", "no"), ("recommend", "yes"),
          ("overall", "5")], {
             "title": "四季度门急诊满意度",
             "department": ("产科门诊", "Obstetrics Clinic"),
             "html_lang": "zh-CN",
             "form": ["小梅，您好", "门急诊患者满意度调查", "导医服务态度及引导帮助", "很满意", "提交我的答案"],
             "fieldsets": 13,
             "asks_department": True,
             "opinion": "候诊区座位再多一些",
             "missing": "还有答案未填",
             "thanks": "谢谢您",
             "spent": "此问卷已经填写过了",
         })


def test_english(server):
    fill(server, "en", "en-US,en", "欧阳娜娜", "openness", True,
         [("prices", "yes"), ("bills", "no"), ("doctors", "yes"), ("complaints", "yes"),
          ("prices-clear", "4"), ("affairs", "3"), ("response", "4"), ("overall", "4")], {
             "title": "Openness survey Q4",
             "department": ("妇科门诊", "Gynaecology Clinic"),
             "html_lang": "en",
             "form": ["Hello, 娜娜", "Openness of hospital affairs",
                      "Are the prices of services and medicines posted where you can see them?",
                      "Very satisfied", "Send my answers"],
             "fieldsets": 9,
             "asks_department": False,
             "opinion": "Post the parking fees too",
             "missing": "Some answers are still missing",
             "thanks": "Thank you",
             "spent": "This form has been answered",
         })


def main():
    if len(sys.argv) != 2:
        link_helpers.fail("usage: browser-survey-link.py CARELINE_SERVER")
    workdir = tempfile.mkdtemp(prefix="careline-browser-survey-")
    tests = [test_chinese, test_english]
    print("1..%d" % len(tests), flush=True)
    failed = 0
    server = DeskServer(sys.argv[1], workdir)
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
