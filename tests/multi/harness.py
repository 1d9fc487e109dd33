"""The processes behind tests/multi/run.py: a throwaway PostgreSQL cluster, an aiosmtpd SMTP sink
(Maildir), `hosterra serve` instances and nginx in front of them, plus a small cookie-keeping HTTP
client. Stdlib only (Debian's python3)."""
import base64
import email
import email.parser
import email.policy
import http.client
import http.cookies
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import traceback
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PG_BIN = "/usr/lib/postgresql/15/bin"
NGINX = "/usr/sbin/nginx"
LEASE_FLAG = "--job-lease-seconds"
LEASE_SECONDS = 5
# Each message takes this long at the SMTP sink (slow_mailbox.py), so deliveries are under way when
# an instance is killed.
SMTP_DELAY_MS = 40


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=30, process=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process {process.args[0]} exited with {process.returncode} before opening port {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"port {port} never opened")


def as_postgres(command):
    """The PostgreSQL server refuses to run as root: its tools run as `postgres` when we are root."""
    return ["runuser", "-u", "postgres", "--"] + command if os.geteuid() == 0 else command


class Reply:
    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    @property
    def location(self):
        return self.headers.get("Location", "")

    def csrf(self):
        field = re.search(r'<input[^>]*name="_csrf"[^>]*>', self.body)
        value = field and re.search(r'value="([^"]*)"', field.group(0))
        if not value:
            raise AssertionError(f"no CSRF field in the page (status {self.status}): {self.body[:300]!r}")
        return value.group(1)


class Client:
    """One visitor: its own cookies (sent to whichever port it asks, so a session obtained through
    nginx can be replayed against one instance directly), no redirect following."""

    _visitors = itertools.count(1)   # next() on a count is atomic: sign-up threads share it

    def __init__(self, port, timeout=15, forwarded=True):
        self.port = port
        self.timeout = timeout
        self.cookies = {}
        # Each visitor is its own customer: it connects from its own loopback address (127.0.1.1 and
        # up; 127.0.0.1 is nginx's), which nginx passes on as X-Forwarded-For $remote_addr, exactly as
        # docs/deployment.md configures it, and the instances, trusting 127.0.0.1, throttle per visitor.
        # forwarded=False: a local operator on 127.0.0.1 (/metrics is refused to anything forwarded).
        number = next(Client._visitors)
        self.address = f"127.0.{number // 250 + 1}.{number % 250 + 1}" if forwarded else "127.0.0.1"

    def request(self, method, path, form=None, port=None):
        headers = {"User-Agent": "hosterra-multi-test/1.0", "Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=self.timeout,
                                                source_address=(self.address, 0))
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = http.cookies.SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Reply(response.status, response.headers, data, time.monotonic() - started)

    def get(self, path, port=None):
        return self.request("GET", path, port=port)

    def post(self, path, form, port=None):
        return self.request("POST", path, form=form, port=port)


class Maildir:
    """The SMTP sink's Maildir, read incrementally (headers only; bodies on demand)."""

    def __init__(self, path):
        self.path = path
        self.seen = {}
        self.parser = email.parser.BytesHeaderParser(policy=email.policy.default)

    def messages(self):
        folder = os.path.join(self.path, "new")
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if name in self.seen:
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                headers = self.parser.parse(handle)
            self.seen[name] = {
                "file": os.path.join(folder, name),
                "to": str(headers["To"] or "").strip().lower(),
                "subject": str(headers["Subject"] or ""),
                "message_id": str(headers["Message-ID"] or "").strip(),
            }
        return list(self.seen.values())

    def wait_for(self, address, subject, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in self.messages():
                if address in message["to"] and subject in message["subject"]:
                    with open(message["file"], "rb") as handle:
                        parsed = email.message_from_binary_file(handle, policy=email.policy.default)
                    return parsed.get_body(preferencelist=("plain",)).get_content()
            time.sleep(0.1)
        raise AssertionError(f"no email '{subject}' to {address} within {timeout}s")


class Instance:
    def __init__(self, name, binary, tmp, common):
        self.name = name
        self.port = free_port()
        self.data = os.path.join(tmp, f"data-{name}")
        self.log_path = os.path.join(tmp, f"{name}.log")
        self.command = [binary, "serve", "--port", str(self.port), "--data-dir", self.data] + common
        self.process = None
        self.log = None

    def start(self):
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(self.command, stdout=self.log, stderr=subprocess.STDOUT)

    @property
    def alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def lines(self):
        """The structured log lines (JSON objects) written so far."""
        out = []
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    out.append(json.loads(line))
                except ValueError:
                    pass
        return out

    def errors(self, limit=8):
        return [line for line in self.lines() if line.get("level") in ("error", "critical")][-limit:]


class Harness:
    """PostgreSQL, the SMTP sink, instances A and B and nginx in front of both."""

    def __init__(self, binary):
        self.binary = binary
        self.tmp = tempfile.mkdtemp(prefix="hosterra-multi-")
        self.env = dict(os.environ, HOSTERRA_PG_STATE=os.path.join(self.tmp, "pg.state"))
        self.pg_started = False
        self.smtp = None
        self.nginx = None
        self.instances = []
        self.maildir = Maildir(os.path.join(self.tmp, "maildir"))
        self.timings = {}
        self.figures = {}

    # Setup

    def start(self):
        started = time.monotonic()
        self.start_postgres()
        self.start_smtp()
        self.nginx_port = free_port()
        self.public_url = f"http://127.0.0.1:{self.nginx_port}"
        common = ["--database-url", self.database_url,
                  "--secret-key", base64.b64encode(os.urandom(32)).decode(),
                  "--public-url", self.public_url,
                  "--smtp-url", f"smtp://127.0.0.1:{self.smtp_port}?starttls=optional",
                  # As in production (docs/deployment.md): the client is who nginx says it is.
                  "--trusted-proxies", "127.0.0.1"]
        # A job claimed by an instance that dies waits for its lease to run out: when the binary lets
        # the lease be set, a short one keeps test 3 (SIGKILL mid-delivery) within its minute.
        usage = subprocess.run([self.binary, "--help"], capture_output=True, text=True, timeout=10).stdout
        self.lease_flag = LEASE_FLAG in usage
        if self.lease_flag:
            common += [LEASE_FLAG, str(LEASE_SECONDS)]
        self.a = Instance("a", self.binary, self.tmp, common)
        self.b = Instance("b", self.binary, self.tmp, common)
        self.instances = [self.a, self.b]
        # Together: both run the migrations at the same moment (the migrator's advisory lock serialises them).
        for instance in self.instances:
            instance.start()
        for instance in self.instances:
            wait_port(instance.port, process=instance.process)
        for instance in self.instances:
            self.wait_ready(instance)
        self.start_nginx()
        self.timings["setup"] = time.monotonic() - started

    def start_postgres(self):
        result = subprocess.run([os.path.join(ROOT, "scripts/pg-test-cluster.sh"), "start"], env=self.env,
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError("pg-test-cluster.sh start failed: " + result.stderr)
        self.pg_started = True
        state = {}
        with open(self.env["HOSTERRA_PG_STATE"]) as handle:
            for line in handle:
                key, _, value = line.strip().partition("=")
                state[key] = value.strip("'\"")
        self.pg_dir = state["PG_DIR"]
        admin_url = state["PG_URL"]
        self.database_url = admin_url.rsplit("/", 1)[0] + "/hosterra"
        self.psql(admin_url, "CREATE DATABASE hosterra")

    def start_smtp(self):
        self.smtp_port = free_port()
        here = os.path.dirname(os.path.abspath(__file__))
        self.smtp = subprocess.Popen(["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.smtp_port}",
                                      "-c", "slow_mailbox.SlowMailbox", self.maildir.path],
                                     env=dict(os.environ, PYTHONPATH=here, MULTI_SMTP_DELAY_MS=str(SMTP_DELAY_MS)),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.smtp_port, process=self.smtp)

    def start_nginx(self):
        prefix = os.path.join(self.tmp, "nginx")
        for folder in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]:
            os.makedirs(os.path.join(prefix, folder), exist_ok=True)
        # As root nginx's workers would switch to `nobody`, who cannot write under our temp prefix.
        user = "user root;\n" if os.geteuid() == 0 else ""
        upstreams = "".join(f"    server 127.0.0.1:{instance.port};\n" for instance in self.instances)
        config = f"""{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 512; }}
http {{
  access_log {prefix}/access.log;
  client_body_temp_path {prefix}/client_body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  upstream hosterra {{
{upstreams}  }}
  server {{
    listen 127.0.0.1:{self.nginx_port};
    location / {{
      proxy_pass http://hosterra;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }}
  }}
}}
"""
        path = os.path.join(prefix, "nginx.conf")
        with open(path, "w") as handle:
            handle.write(config)
        self.nginx_log = open(os.path.join(prefix, "stderr.log"), "w")
        self.nginx = subprocess.Popen([NGINX, "-p", prefix, "-e", os.path.join(prefix, "error.log"), "-c", path],
                                      stdout=self.nginx_log, stderr=subprocess.STDOUT)
        wait_port(self.nginx_port, process=self.nginx)

    def wait_ready(self, instance, timeout=30):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            if not instance.alive:
                raise RuntimeError(f"instance {instance.name} exited with {instance.process.returncode}: {instance.errors()}")
            try:
                last = Client(instance.port, timeout=5).get("/readyz")
                if last.status == 200:
                    return
            except OSError as error:
                last = error
            time.sleep(0.1)
        raise RuntimeError(f"instance {instance.name} not ready: {getattr(last, 'status', last)}")

    # Teardown: each step runs whatever the previous ones did.

    def close(self, keep=False):
        steps = [self.stop_nginx] + [instance.stop for instance in reversed(self.instances)] + [self.stop_smtp, self.stop_postgres]
        for step in steps:
            try:
                step()
            except Exception:
                traceback.print_exc()
        if not keep:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def stop_nginx(self):
        if self.nginx is None:
            return
        if self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)
            try:
                self.nginx.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()
        self.nginx_log.close()

    def stop_smtp(self):
        # aiosmtpd ignores SIGTERM.
        if self.smtp is None or self.smtp.poll() is not None:
            return
        self.smtp.send_signal(signal.SIGINT)
        try:
            self.smtp.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.smtp.kill()
            self.smtp.wait()

    def stop_postgres(self):
        if self.pg_started:
            subprocess.run([os.path.join(ROOT, "scripts/pg-test-cluster.sh"), "stop"], env=self.env,
                           capture_output=True, timeout=60)

    # Helpers

    def psql(self, url, sql):
        result = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                                capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise AssertionError(f"psql failed ({sql}): {result.stderr.strip()}")
        return [line.split("|") for line in result.stdout.splitlines() if line]

    def query(self, sql):
        return self.psql(self.database_url, sql)

    def table_exists(self, name):
        return self.query(f"SELECT to_regclass('public.{name}') IS NOT NULL")[0][0] == "t"

    def status_counts(self, table):
        return {status: int(count) for status, count in self.query(f"SELECT status, count(*) FROM {table} GROUP BY status")}

    def client(self):
        return Client(self.nginx_port)
