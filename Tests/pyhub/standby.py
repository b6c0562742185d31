"""A real streaming standby of a throwaway hub's PostgreSQL: `pg_basebackup -R` from the hub's
primary into the hub's temporary folder, started on a port of its own. Made in `Hub`'s `setup` (after
the migrations, before the services start), so the services can be given it as their read server:

    standby = Standby(pyhub.free_port())
    with Hub(bin_dir, setup=standby.start, extra_env={
            "HUB_DATABASE_READ_URL": f"postgresql://{{role}}@127.0.0.1:{standby.port}/hub"}) as hub:
        ...
    standby.stop()   # before the hub removes its folder; stop() may be called more than once

Only the standard library is used.
"""

import subprocess
from typing import Optional

from .hub import SETTLE_SECONDS, Hub, HubError, wait_until


class Standby:
    def __init__(self, port: int):
        self.port = port
        self.hub: Optional[Hub] = None
        self.running = False

    @property
    def data(self):
        return self.hub.tmp / "pg" / "standby"

    def start(self, hub: Hub):
        """Copies the hub's cluster as it stands and starts it as a hot standby streaming from it."""
        self.hub = hub
        hub.pg("pg_basebackup", "-h", "127.0.0.1", "-p", str(hub.db_port), "-U", "postgres", "-D", str(self.data),
               "-R", "-X", "stream", "-c", "fast", "--no-sync")
        self.running = True
        hub.pg("pg_ctl", "-D", str(self.data), "-l", str(self.data.parent / "standby.log"), "-w", "-o",
               f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        self.wait_caught_up()

    def stop(self, mode: str = "immediate"):
        if self.running:
            self.hub.pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")
            self.running = False

    def sql(self, statement: str) -> str:
        """Runs one statement on the standby as the superuser; its unaligned, tuples-only output."""
        result = subprocess.run(
            [str(self.hub.pg_bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "hub",
             "-v", "ON_ERROR_STOP=1", "-At", "-c", statement], capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise HubError(f"psql on the standby failed: {result.stderr}")
        return result.stdout.strip()

    def wait_caught_up(self, timeout: float = SETTLE_SECONDS):
        """Waits until the standby has replayed everything the primary has written."""
        primary = self.hub.sql("select pg_current_wal_lsn()")
        wait_until(lambda: self.sql(f"select pg_last_wal_replay_lsn() >= '{primary}'::pg_lsn"), lambda done: done == "t",
                   "the standby replaying the primary's WAL", timeout=timeout)

    def pause(self):
        """Stops replaying (WAL still arrives): from now on the standby shows nothing newer."""
        self.sql("select pg_wal_replay_pause()")
        wait_until(lambda: self.sql("select pg_get_wal_replay_pause_state()"), lambda state: state == "paused",
                   "the standby's replay pausing")

    def resume(self):
        self.sql("select pg_wal_replay_resume()")

