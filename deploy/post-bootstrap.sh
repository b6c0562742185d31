#!/bin/sh
# Patroni's post_bootstrap: it hands over the new cluster's connection URL.
set -e
psql -X -q "$1" -c "create database hub"
