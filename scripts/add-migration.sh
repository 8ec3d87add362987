#!/usr/bin/env bash
# Adds an EF Core migration NAME to both engines' migration sets (SQLite and PostgreSQL).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/Purser.Engine"
dotnet tool restore >/dev/null
for engine in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${engine}PurserDbContext" \
    --output-dir "Storage/Migrations/$engine" --namespace "Purser.Engine.Storage.Migrations.$engine"
done
# dotnet-ef places the model snapshot by namespace; keep it beside its migrations.
if [ -d Purser ]; then
  for engine in Sqlite Postgres; do
    mv Purser/Engine/Storage/Migrations/$engine/*.cs "Storage/Migrations/$engine/" 2>/dev/null || true
  done
  rm -rf Purser
fi
