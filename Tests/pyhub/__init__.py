"""Shared helpers of the Python test suites (Tests/contract, Tests/browser)."""

from .hub import (SERVICES, Hub, HubError, Service, free_port, free_ports, pg_bin_dir,  # noqa: F401
                  resolve_bin_dir)
