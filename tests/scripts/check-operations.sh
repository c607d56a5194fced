#!/usr/bin/env bash
# The one gated path, checked on the source: no entry point (ui/, app/) admits, reserves,
# settles or audits by itself, and the daemon's mutating calls are made only by the operations
# layer (models/operations): Operations::run for one call, GatedSteps for work of several.
# Usage: check-operations.sh SOURCE_DIR   (exit 1 with the offending lines)
set -euo pipefail
src="${1:?source folder}"
cd "$src"
status=0

report() { # $1: what is wrong, rest: grep output
  local what="$1"; shift
  if [[ -n "$*" ]]; then
    echo "error: $what:"
    echo "$*" | sed 's/^/  /'
    status=1
  fi
}

# 1. Entry points never call the gate, the quota store or the audit writer themselves.
gate_calls='admit(Container|Volume|Network|Update)\(|->settle\(|\.settle\(|denyForTenant\(|checkRemoteSource\(|tenantDenial\(|claimApp\(|appRemoved\(|(m_gate|gate\(\)|gate)->(checkOwned|checkHost|removed|audit)\('
store_calls='\b(s|store|m_tenancy|tenancy|m_store)(\(\))?(->|\.)(reserve|release|activate|regrow|audit|audited)\('
report "ui/ or app/ calls the policy gate (use the operations layer: Operations::run)" \
  "$(grep -rnE "$gate_calls" ui app --include='*.cpp' --include='*.h' || true)"
report "ui/ or app/ reserves quota or writes the audit log (use Operations or TenancyAdmin)" \
  "$(grep -rnE "$store_calls" ui app --include='*.cpp' --include='*.h' || true)"
report "ui/ or app/ writes audit records by hand" \
  "$(grep -rnE '(->|\.)audit\(' ui app --include='*.cpp' --include='*.h' || true)"

# 2. The daemon's mutating calls: only models/operations. Everything else hands a Calls:: send
#    to Operations::run, or (work of several calls: a deploy, a local registry) to the
#    GatedSteps of Operations::steps, which admit, settle and record each of them.
mutating='createContainer|startContainer|stopContainer|restartContainer|killContainer|pauseContainer|unpauseContainer|renameContainer|updateContainer|removeContainer|archivePut|execCreate|pullImage|pushImage|tagImage|removeImage|pruneImages|loadImages|importImage|build|createVolume|removeVolume|pruneVolumes|createNetwork|connectNetwork|disconnectNetwork|removeNetwork'
report "a mutating daemon call outside the operations layer (hand Operations::run or GatedSteps a Calls:: send)" \
  "$(grep -rnE "([cC]lient(\(\))?)->($mutating)\(" models ui app --include='*.cpp' --include='*.h' | grep -vE '^models/operations/' || true)"
report "a raw POST, PUT or DELETE to the daemon outside the operations layer (add a DockerClient method and a Calls:: send)" \
  "$(grep -rnE "([cC]lient(\(\))?)->(post|put|del|deleteResource)\(" models ui app --include='*.cpp' --include='*.h' | grep -vE '^models/operations/' || true)"
report "a Calls:: send called by hand (hand it to Operations::run or GatedSteps, which call it once admitted)" \
  "$(grep -rnE 'Calls::[A-Za-z]+\([^;]*\)\(' models ui app --include='*.cpp' --include='*.h' || true)"

# 3. Tenancy administration is recorded with its change (TenancyAdmin), not beside it.
report "plans, tenants, users or domains changed without TenancyAdmin" \
  "$(grep -rnE '(m_tenancy|\bs|store\(\))(->|\.)(createPlan|updatePlan|removePlan|createTenant|setTenantState|assignPlan|removeTenant|createTenantRole|createUser|removeUser|setHostDomain|removeHostDomain)\(' ui app --include='*.cpp' || true)"

# 4. Widgets are views: they ask models and react to their answers; no ui/ file sends a request
#    to a daemon or a registry itself (HostConnection::read, ExecSession, HostProbe,
#    RegistryBrowser, ImageActions, … do).
widget_net="$( { grep -rnE '(client\(\)|m_client)->[A-Za-z]+\(' ui --include='*.cpp' --include='*.h' | grep -vE '(client\(\)|m_client)->(apiVersion|configurationError)\(' ;
  grep -rnE 'new (Backends::)?(DockerClient|RegistryClient|HttpClient|QNetworkAccessManager)\b' ui --include='*.cpp' --include='*.h' ; } || true)"
report "a widget calls the network (ask a model in models/)" "$widget_net"

if ((status == 0)); then
  echo "operations: every change goes through the operations layer"
fi
exit $status
