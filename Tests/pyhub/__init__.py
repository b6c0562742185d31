"""Shared helpers of the Python test suites (Tests/contract, Tests/browser, Tests/deployment)."""

from .hub import (JUST_SUBMITTED, SERVICES, SETTLE_SECONDS, Hub, HubError, Service, free_port,  # noqa: F401
                  free_ports, pg_bin_dir, resolve_bin_dir, built_executables, wait_until)
from .standby import Standby  # noqa: F401
