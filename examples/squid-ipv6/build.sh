#!/usr/bin/env bash
# Packs NetDsl (core + generator) from this checkout into artifacts/packages and builds this example
# against the package, exactly as a user's project consumes it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="0.1.0-local.$(date +%s)"
feed="$root/artifacts/packages"
mkdir -p "$feed"
dotnet pack "$root/src/NetDsl/NetDsl.csproj" -c Release -nologo -p:PackageVersion="$version" -o "$feed"
dotnet pack "$root/generators/NetDsl.Generators/NetDsl.Generators.csproj" -c Release -nologo -p:PackageVersion="$version" -o "$feed"
dotnet build "$here/Squid.Ipv6.csproj" -nologo -p:NetDslVersion="$version" -p:RestoreAdditionalProjectSources="$feed"
dotnet "$here/bin/Debug/net10.0/Squid.Ipv6.dll"
