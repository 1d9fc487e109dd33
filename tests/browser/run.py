#!/usr/bin/python3
"""Browser tests: headless Chromium through Selenium against a real `hosterra serve`, with a real
SMTP server (aiosmtpd) receiving the emails. Run with Debian's python3 (python3-selenium,
python3-aiosmtpd). Prints one line per test and a closing "N passed, N failed" line."""
import argparse
import base64
import email
import email.policy
import glob
import hashlib
import hmac
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"port {port} never opened")


def totp(secret_b32, step):
    key = base64.b32decode(secret_b32.replace(" ", "").upper() + "=" * (-len(secret_b32.replace(" ", "")) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


class Harness:
    def __init__(self, binary):
        self.tmp = tempfile.mkdtemp(prefix="hosterra-browser-")
        self.maildir = os.path.join(self.tmp, "maildir")
        self.smtp_port = free_port()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.procs = []
        smtp = subprocess.Popen(["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.smtp_port}",
                                 "-c", "aiosmtpd.handlers.Mailbox", self.maildir],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(smtp)
        wait_port(self.smtp_port)
        self.log = open(os.path.join(self.tmp, "server.log"), "w")
        server = subprocess.Popen([binary, "serve", "--port", str(self.port), "--data-dir", os.path.join(self.tmp, "data"),
                                   "--public-url", self.base, "--smtp-url", f"smtp://127.0.0.1:{self.smtp_port}?starttls=optional"],
                                  stdout=self.log, stderr=subprocess.STDOUT)
        self.procs.append(server)
        wait_port(self.port)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.implicitly_wait(2)

    def close(self):
        try:
            self.driver.quit()
        finally:
            for proc in reversed(self.procs):
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
            self.log.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    # Helpers
    def open(self, path):
        self.driver.get(self.base + path)

    def fill(self, field_id, value):
        element = self.driver.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(value)

    def submit(self, form_selector="main form"):
        self.click(self.driver.find_element(By.CSS_SELECTOR, form_selector + " button[type=submit]"))

    def click(self, element):
        """Clicks and waits for the next page to replace this one (every form here navigates)."""
        # A marker on this document's window: it is gone once a new document has loaded. This avoids
        # holding an element reference across navigation, which some chromedriver versions answer
        # with "Node with given id does not belong to the document" instead of a stale-element error.
        marker = os.urandom(8).hex()
        self.driver.execute_script("window.__hosterraPage = arguments[0];", marker)
        element.click()

        def replaced(driver):
            try:
                return driver.execute_script(
                    "return window.__hosterraPage !== arguments[0] && document.readyState === 'complete';", marker)
            except WebDriverException:
                return False  # the old document went away mid-call; ask the new one

        WebDriverWait(self.driver, 10).until(replaced)

    def path(self):
        return "/" + self.driver.current_url.split("/", 3)[3] if self.driver.current_url.count("/") >= 3 else "/"

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def wait_mail(self, to, subject, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for path in sorted(glob.glob(os.path.join(self.maildir, "new", "*"))):
                with open(path, "rb") as handle:
                    message = email.message_from_binary_file(handle, policy=email.policy.default)
                if to in str(message["To"]) and subject in str(message["Subject"]):
                    return message.get_body(preferencelist=("plain",)).get_content()
            time.sleep(0.2)
        raise AssertionError(f"no email '{subject}' to {to} within {timeout}s")

    def csp_violations(self):
        return [entry["message"] for entry in self.driver.get_log("browser") if "Content Security Policy" in entry["message"]]

    def logout(self):
        self.driver.find_element(By.CSS_SELECTOR, "details.account-menu > summary").click()
        self.click(self.driver.find_element(By.CSS_SELECTOR, "details.account-menu form[action='/logout'] button"))


def test_signup_verify_2fa_recovery(h):
    mail = f"browser-{int(time.time() * 1000)}@example.com"
    password = "quiet meadow lantern 51"
    h.open("/signup")
    h.fill("name", "Grace Hopper")
    h.fill("email", mail)
    h.fill("password", password)
    h.submit()
    assert h.path().startswith("/login"), h.path()
    assert "Check your inbox" in h.text()

    body = h.wait_mail(mail, "Confirm your email address")
    link = re.search(r"(http://\S+/verify-email\?token=\S+)", body).group(1)
    h.driver.get(link)
    h.submit()

    h.open("/login")
    h.fill("email", mail)
    h.fill("password", password)
    h.submit()
    assert h.path() == "/", h.path()
    assert "Welcome, Grace Hopper." in h.text()
    assert "Verified" in h.text()

    # Turn on 2FA with a code computed from the key shown on the page.
    h.open("/account/security/2fa")
    key = h.driver.find_element(By.ID, "totp-key").text.replace(" ", "")
    assert h.driver.find_element(By.CSS_SELECTOR, "svg").is_displayed()
    step = int(time.time()) // 30
    h.fill("code", totp(key, step))
    h.fill("current_password", password)
    h.submit()
    codes = [element.text.strip() for element in h.driver.find_elements(By.CSS_SELECTOR, ".recovery-codes li")]
    assert len(codes) == 10, codes

    # Log out, log back in with the next TOTP step (the one just used is refused as a replay).
    h.logout()
    assert h.path().startswith("/login")
    h.fill("email", mail)
    h.fill("password", password)
    h.submit()
    assert h.path().startswith("/login/2fa"), h.path()
    h.open("/")  # nothing else is reachable before the second factor
    assert h.path().startswith("/login/2fa"), h.path()
    h.fill("code", totp(key, int(time.time()) // 30 + 1))
    h.submit()
    assert h.path() == "/", h.path()

    # And once more with a recovery code.
    h.logout()
    h.fill("email", mail)
    h.fill("password", password)
    h.submit()
    h.fill("code", codes[0])
    h.submit()
    assert h.path() == "/", h.path()
    assert not h.csp_violations(), h.csp_violations()


def new_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)
    return driver


def sign_up_and_verify(h, name, mail, password, signup_path="/signup"):
    h.open(signup_path)
    h.fill("name", name)
    if h.driver.find_element(By.ID, "email").get_attribute("value") != mail:
        h.fill("email", mail)
    h.fill("password", password)
    h.submit()
    body = h.wait_mail(mail, "Confirm your email address")
    h.driver.get(re.search(r"(http://\S+/verify-email\?token=\S+)", body).group(1))
    h.submit()


def log_in(h, mail, password, path="/login"):
    h.open(path)
    h.fill("email", mail)
    h.fill("password", password)
    h.submit()


def test_delegation_invite_accept_switch_revoke(h):
    stamp = int(time.time() * 1000)
    owner_mail, guest_mail = f"owner-{stamp}@example.com", f"guest-{stamp}@example.com"
    password = "amber orchard kettle 73"
    sign_up_and_verify(h, "Olive Owner", owner_mail, password)
    log_in(h, owner_mail, password)
    assert h.path() == "/", h.path()

    # The owner invites a new person with only contacts and emails.
    h.open("/account/users")
    h.fill("email", guest_mail)
    h.driver.find_element(By.ID, "access-chosen").click()
    h.driver.find_element(By.ID, "permission-contacts").click()
    h.driver.find_element(By.ID, "permission-emails").click()
    h.click(h.driver.find_element(By.CSS_SELECTOR, "form[action='/account/users/invite'] button[type=submit]"))
    assert guest_mail in h.text(), "the pending invitation is listed"

    # The invitee, in another browser, signs up from the emailed link, verifies and accepts.
    owner_driver, h.driver = h.driver, new_driver()
    try:
        body = h.wait_mail(guest_mail, "Invitation to help manage")
        invitation = re.search(r"(http://\S+/invitations/accept\?token=\S+)", body).group(1)
        h.driver.get(invitation)
        h.click(h.driver.find_element(By.PARTIAL_LINK_TEXT, "Create"))
        assert h.driver.find_element(By.ID, "email").get_attribute("value") == guest_mail
        sign_up_and_verify(h, "Gus Guest", guest_mail, password, signup_path=h.path())
        log_in(h, guest_mail, password, path="/login?next=" + urllib.parse.quote(invitation.split("127.0.0.1:%d" % h.port, 1)[1], safe=""))
        if not h.path().startswith("/invitations/accept"):
            h.driver.get(invitation)
        h.click(h.driver.find_element(By.CSS_SELECTOR, "form[action='/invitations/accept'] button"))

        # Inside the owner's account, with only contacts and email history.
        h.open("/accounts")
        assert "Olive Owner" in h.text()
        h.open("/")
        menu = h.driver.find_element(By.CSS_SELECTOR, "details.account-menu").get_attribute("innerHTML")
        assert "/account/contacts" in menu and "/account/emails" in menu, menu
        assert "/account/users" not in menu and 'href="/account"' not in menu, menu
        h.open("/account/contacts")
        assert h.path() == "/account/contacts" and "Error 403" not in h.text()
        for refused in ["/account", "/account/users", "/account/activity"]:
            h.open(refused)
            assert "Error 403" in h.text(), (refused, h.text()[:300])

        # The owner revokes; the guest loses access on the very next request.
        guest_driver = h.driver
        h.driver = owner_driver
        h.open("/account/users")
        h.click(h.driver.find_element(By.CSS_SELECTOR, "a[href^='/account/users/mem_']"))
        h.click(h.driver.find_element(By.CSS_SELECTOR, "form[action$='/revoke'] button"))
        h.driver = guest_driver
        h.open("/account/contacts")
        assert h.path() == "/accounts", h.path()  # no access left in that account: back to the account list
        assert "Olive Owner" not in h.driver.find_element(By.TAG_NAME, "main").text
        assert not h.csp_violations(), h.csp_violations()
    finally:
        h.driver.quit()
        h.driver = owner_driver


def test_keyboard_and_phone_layout(h):
    h.open("/signup")
    h.driver.find_element(By.TAG_NAME, "body").send_keys("\t")
    focused = h.driver.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link", focused.get_attribute("outerHTML")
    h.driver.set_window_size(375, 740)
    width = h.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 375, f"page scrolls sideways at phone width: {width}px"
    h.driver.set_window_size(1280, 900)
    assert not h.csp_violations(), h.csp_violations()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--only")
    args = parser.parse_args()
    tests = [test_signup_verify_2fa_recovery, test_delegation_invite_accept_switch_revoke, test_keyboard_and_phone_layout]
    if args.only:
        tests = [t for t in tests if args.only in t.__name__]
    passed = failed = 0
    harness = Harness(os.path.abspath(args.binary))
    try:
        for test in tests:
            started = time.time()
            harness.driver.delete_all_cookies()
            try:
                test(harness)
                passed += 1
                print(f"browser: ok   {test.__name__} ({time.time() - started:.1f}s)")
            except Exception:
                failed += 1
                print(f"browser: FAIL {test.__name__}")
                traceback.print_exc()
                try:
                    print("  at", harness.driver.current_url)
                    print("  page:", harness.text()[:800])
                except Exception:
                    pass
    finally:
        harness.close()
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
