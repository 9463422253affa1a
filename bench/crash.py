#!/usr/bin/env python3
"""Kills the service with SIGKILL in the middle of a burst of purchases and usage events, starts it again,
replays the client, and checks that nothing acknowledged was lost or done twice, and that no email recorded as
sent before the kill went out again. Local only and bounded: one service, one SMTP sink, a few minutes.

Usage: bench/crash.sh [customers=60] [kill-after-seconds=3]   (BENCH_DB=postgres for PostgreSQL)
"""
import base64, http.client, json, os, shutil, signal, smtpd, asyncore, subprocess, sys, tempfile, threading, time, uuid
import urllib.request, urllib.error
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
CUSTOMERS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
KILL_AFTER = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
PORT, SMTP_PORT = 18480, 18425
ADMIN, PASSWORD = "admin", "Kettle-Crash-Window-7!"
DATABASE = os.environ.get("BENCH_DB", "h2")
EVENTS_PER_CUSTOMER = 10

received = Counter()


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        for line in data.decode("utf-8", "replace").splitlines():
            if line.lower().startswith("message-id:"):
                received[line.split(":", 1)[1].strip()] += 1
                break


def call(method, path, body=None, timeout=10):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{ADMIN}:{PASSWORD}".encode()).decode())
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except (OSError, http.client.HTTPException, ValueError):
        return None, None  # no whole answer: not acknowledged


class Service:
    def __init__(self, workdir, jar, db_url):
        self.workdir, self.jar, self.db_url, self.process = workdir, jar, db_url, None

    def start(self):
        args = ["java", "-Xmx1g", "-jar", self.jar, f"--server.port={PORT}", f"--spring.mail.port={SMTP_PORT}",
                f"--touchpoints.processes-dir={REPO}/processes", f"--touchpoints.templates-dir={REPO}/templates",
                "--touchpoints.mail.send-window-start=00:00", "--touchpoints.mail.send-window-end=00:00",
                # Jobs the killed node had locked wait for the lock to expire (5 minutes by default): 20 s keeps the
                # run short without changing what is checked.
                "--camunda.bpm.job-execution.lock-time-in-millis=20000", "--logging.level.root=WARN"]
        env = dict(os.environ, TOUCHPOINTS_ADMIN_PASSWORD=PASSWORD)
        if DATABASE == "postgres":
            args.append("--spring.profiles.active=postgres")
            env.update(TOUCHPOINTS_DB_URL=self.db_url, TOUCHPOINTS_DB_USER="postgres")
        log = open(os.path.join(self.workdir, "service.log"), "a")
        self.process = subprocess.Popen(args, cwd=self.workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
        started = time.time()
        while time.time() - started < 120:
            if call("GET", "/actuator/health", timeout=2)[0] == 200:
                return time.time() - started
            if self.process.poll() is not None:
                sys.exit(f"The service stopped during start-up; see {self.workdir}/service.log")
            time.sleep(0.2)
        sys.exit("The service did not start within 120 s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


def customer_requests(i, run):
    ref = f"crash-{run}-{i}"
    events = [{"eventId": f"{ref}-e{n}", "customerRef": ref, "type": "feature_used", "name": "reports",
               "occurredAt": "2026-11-20T10:00:00Z"} for n in range(EVENTS_PER_CUSTOMER)]
    return [("PUT", f"/api/customers/{ref}", {"name": f"Customer {i}", "email": f"{ref}@example.com", "locale": "en",
                                               "timeZone": "Europe/Madrid", "tier": "premium", "annualValue": 1000}),
            ("POST", f"/api/customers/{ref}/purchases", {"purchaseId": f"po-{ref}", "plan": "pro",
                                                        "startDate": "2026-11-23", "renewalDate": "2027-11-23",
                                                        "migrating": False}),
            ("POST", "/api/usage-events", events)]


def burst(requests):
    """Sends each customer's requests in order, four customers at a time; returns what was acknowledged."""
    acknowledged = {}

    def one(customer):
        for method, path, body in customer:
            status, answer = call(method, path, body)
            if status is None or status >= 300:
                return
            acknowledged[(method, path, json.dumps(body))] = (status, answer)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, requests))
    return acknowledged


def ledger(db_url, db_name):
    """Message-ID and status of every email in the delivery ledger, read from the database the service left."""
    query = "select message_id || '|' || status from touchpoint_delivery"
    if DATABASE == "postgres":
        command = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db_name, "-At", "-c", query]
    else:
        h2 = os.path.expanduser("~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar")
        command = ["java", "-cp", h2, "org.h2.tools.Shell", "-url", db_url, "-user", "sa", "-password", "", "-sql", query]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rows = [line.strip().rsplit("|", 1) for line in out.splitlines() if line.strip().startswith("<")]
    return {message_id: status for message_id, status in rows}


def main():
    jar = next(os.path.join(REPO, "target", f) for f in os.listdir(os.path.join(REPO, "target"))
               if f.startswith("touchpoints-") and f.endswith(".jar"))
    workdir = tempfile.mkdtemp(prefix="touchpoints-crash-")
    db_name = f"touchpoints_crash_{int(time.time())}"
    if DATABASE == "postgres":
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"create database {db_name}"], check=True,
                       capture_output=True)
        db_url = f"jdbc:postgresql://127.0.0.1:5432/{db_name}"
    else:
        db_url = f"jdbc:h2:file:{workdir}/data/touchpoints"
    sink = Sink(("127.0.0.1", SMTP_PORT), None)
    threading.Thread(target=asyncore.loop, kwargs={"timeout": 0.1}, daemon=True).start()
    service = Service(workdir, jar, db_url)
    run = uuid.uuid4().hex[:6]
    requests = [customer_requests(i, run) for i in range(CUSTOMERS)]
    try:
        first_start = service.start()
        killer = threading.Timer(KILL_AFTER, service.kill)
        killer.start()
        acknowledged = burst(requests)
        killer.join()
        before = ledger(db_url, db_name)
        restart = service.start()
        replayed = burst(requests)
        # A claim left "sending" by the kill is taken over when its 5-minute lease ends: wait for that, to count
        # what decision 3's window sends twice.
        deadline = time.time() + (330 if "sending" in before.values() else 120)
        while time.time() < deadline and (len(received) < CUSTOMERS or "sending" in before.values()):
            time.sleep(0.5)
        time.sleep(5)  # a duplicate would arrive right behind the first copies
        service.stop()
    finally:
        sink.close()
        if service.process and service.process.poll() is None:
            service.kill()

    lost, doubled = [], []
    for (method, path, body), (status, answer) in acknowledged.items():
        again = replayed.get((method, path, body))
        if again is None:
            lost.append(path)
        elif path.endswith("/purchases") and (again[0] != 200 or again[1]["processInstanceId"] != answer["processInstanceId"]):
            doubled.append(f"{path}: {status} then {again[0]}")
        elif path == "/api/usage-events" and again[1]["accepted"] != 0:
            doubled.append(f"usage batch of {json.loads(body)[0]['customerRef']} accepted again")
        elif method == "PUT" and again[0] != 200:
            lost.append(f"{path}: {status} then {again[0]}")
    purchases = sum(1 for key in acknowledged if key[1].endswith("/purchases"))
    batches = sum(1 for key in acknowledged if key[1] == "/api/usage-events")
    twice = {message_id: copies for message_id, copies in received.items() if copies > 1}
    resent_after_recorded = [m for m in twice if before.get(m) == "sent"]
    in_flight = [m for m in twice if before.get(m) == "sending"]
    missing = CUSTOMERS - len(received)
    print(f"database {DATABASE}; {CUSTOMERS} customers; killed {KILL_AFTER} s into the burst")
    print(f"start-up {first_start:.1f} s; restart after kill -9 {restart:.1f} s")
    print(f"acknowledged before the kill: {len(acknowledged)} requests ({purchases} purchases, {batches} usage batches "
          f"of {EVENTS_PER_CUSTOMER} events)")
    print(f"ledger at the kill: {Counter(before.values())}")
    print(f"lost after acknowledgement: {len(lost)}; done twice: {len(doubled)}")
    print(f"welcome emails: {sum(received.values())} received, {len(received)} distinct Message-IDs, {missing} missing")
    print(f"sent twice: {len(twice)} ({len(in_flight)} in flight at the kill, decision 3's window; "
          f"{len(resent_after_recorded)} recorded as sent before the kill)")
    for problem in lost + doubled + resent_after_recorded:
        print("  PROBLEM", problem)
    shutil.rmtree(workdir, ignore_errors=True)
    if DATABASE == "postgres":
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"drop database if exists {db_name}"],
                       capture_output=True)
    sys.exit(1 if lost or doubled or resent_after_recorded or missing else 0)


if __name__ == "__main__":
    main()
