# Every target is documented in README.md. Only a JDK 21+ and make are needed for run and test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first JDK of version 21 or newer: $JAVA_HOME, the java on PATH, then /usr/lib/jvm/*.
JAVA_HOME := $(shell for j in "$$JAVA_HOME" "$$(dirname "$$(dirname "$$(readlink -f "$$(command -v java)" 2>/dev/null)")")" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do \
  [ -x "$$j/bin/javac" ] || continue; \
  v=$$("$$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'); \
  [ "$${v%%.*}" -ge 21 ] 2>/dev/null && { echo "$$j"; break; }; done)
export JAVA_HOME

MVN := ./mvnw -B -ntp
LOCAL_STACK := lambdas/local-stack
LAMBDA_PACKAGE := lambdas/functions/target/functions-lambda.jar
ENV ?=
# ENV=account is the account-wide settings (terraform/account), applied once per account and region before any environment.
TF_DIR = $(if $(filter account,$(ENV)),terraform/account,terraform/environments/$(ENV))
COLD_BENCH := lambdas/cold-start-bench
# bench-cold pins each measured JVM to the last core and keeps itself and DynamoDB Local on the others.
CORES := $(shell nproc 2>/dev/null || echo 1)
BENCH_CPU ?= $(shell [ $(CORES) -gt 1 ] && echo $$(( $(CORES) - 1 )))
RUNS ?= 10
PRIMED_RUNS ?= 5
WARM_UP_ROUNDS ?= 300

.PHONY: help run test test-handlers test-end-to-end package bench bench-cold doctor deploy destroy user token revoke-admin validate clean check-java check-env check-backend check-terraform check-aws check-name

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

check-java:
	@[ -n "$(JAVA_HOME)" ] || { echo "No JDK 21 or newer found: install one and/or set JAVA_HOME." >&2; exit 1; }

run: check-java ## Start the whole system locally at http://127.0.0.1:PORT/ (PORT=3000, data kept in DATA_DIR=.data)
	$(MVN) -q package -DskipTests -pl $(LOCAL_STACK) -am
	exec "$(JAVA_HOME)/bin/java" -Dsqlite4java.library.path=$(LOCAL_STACK)/target/native-libs \
	  -cp "$(LOCAL_STACK)/target/classes:$$(cat $(LOCAL_STACK)/target/runtime-classpath.txt)" dev.serverlessapis.local.LocalStack

test: check-java ## Run every test: unit, architecture, handler, end-to-end, Terraform ties, and the browser test (installs Chromium where it may)
	@scripts/install-chromium
	$(MVN) verify $(if $(filter 1,$(REQUIRE_BROWSER)),-Dbrowser.required=true)

test-handlers: check-java ## Invoke the handler classes with API Gateway events against DynamoDB Local
	$(MVN) verify -pl $(LOCAL_STACK) -am -Dgroups=handler

test-end-to-end: check-java ## HTTP tests against the local stack, or against API_ENDPOINT=https://... when set (with TOKEN_ADMIN, TOKEN_USER and TOKEN_OTHER from make token)
	$(MVN) verify -pl $(LOCAL_STACK) -am -Dgroups=end-to-end

package: check-java ## Build the Lambda package shared by every function
	$(MVN) -q package -DskipTests -pl lambdas/functions -am
	@ls -l $(LAMBDA_PACKAGE) | awk '{printf "%s: %.1f MiB (%d bytes)\n", $$9, $$5/1048576, $$5}'

bench: check-java ## Measure latency and throughput of the local stack (see README)
	$(MVN) -q package -DskipTests -pl $(LOCAL_STACK) -am
	"$(JAVA_HOME)/bin/java" -Dsqlite4java.library.path=$(LOCAL_STACK)/target/native-libs \
	  -cp "$(LOCAL_STACK)/target/classes:$(LOCAL_STACK)/target/test-classes:$$(cat $(LOCAL_STACK)/target/runtime-classpath.txt)" \
	  dev.serverlessapis.local.Bench

bench-cold: check-java ## Cold start of every function in fresh JVMs with Lambda's flags, beside two baselines (see README)
	$(MVN) -q package -DskipTests -pl $(COLD_BENCH) -am
	$(if $(BENCH_CPU),taskset -c 0-$$(( $(BENCH_CPU) - 1 ))) "$(JAVA_HOME)/bin/java" -Dsqlite4java.library.path=$(LOCAL_STACK)/target/native-libs \
	  -Dcpu=$(BENCH_CPU) -Druns=$(RUNS) -DprimedRuns=$(PRIMED_RUNS) -DwarmUpRounds=$(WARM_UP_ROUNDS) \
	  -cp "$(COLD_BENCH)/target/classes:$$(cat $(COLD_BENCH)/target/runtime-classpath.txt)" \
	  dev.serverlessapis.coldstart.BenchCold $(LAMBDA_PACKAGE) $(COLD_BENCH)/target/classes

check-env:
	@[ -n "$(ENV)" ] || { echo "Say which environment: make $(MAKECMDGOALS) ENV=dev (one of: account $$(ls terraform/environments | tr '\n' ' '))" >&2; exit 1; }
	@[ -d "$(TF_DIR)" ] || { echo "No environment '$(ENV)': terraform/environments has $$(ls terraform/environments | tr '\n' ' ')(and ENV=account is the account settings)" >&2; exit 1; }

check-backend: check-env
	@[ -f "$(TF_DIR)/backend.hcl" ] || { echo "No $(TF_DIR)/backend.hcl: copy $(TF_DIR)/backend.hcl.example and name your Terraform state bucket in it (README, 'Deploy')." >&2; exit 1; }

check-terraform:
	@command -v terraform >/dev/null || { echo "terraform is not installed: get Terraform 1.10 or newer (https://developer.hashicorp.com/terraform/install), then run this again." >&2; exit 1; }

check-aws: check-terraform
	@scripts/aws-credentials || \
	  { echo "No AWS credentials found: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), e.g. after 'aws configure' or 'aws sso login'. See README, 'Deploy'." >&2; exit 1; }

doctor: check-env ## Check, without changing anything, what a deploy of ENV needs (tools, credentials, state bucket, quotas), one line each with its fix
	@scripts/doctor $(TF_DIR)

deploy: check-env ## Doctor, then plan ENV to a file, apply it once confirmed (AUTO_APPROVE=1 in CI), wait for the functions and smoke-test the stage
	@scripts/doctor $(TF_DIR)
	@$(if $(filter account,$(ENV)),,$(MAKE) --no-print-directory package)
	scripts/deploy --doctor-passed $(TF_DIR)

destroy: check-backend check-aws ## Plan the destruction of ENV to a file and apply it once confirmed (AUTO_APPROVE=1 in CI)
	scripts/deploy --destroy $(TF_DIR)

# A handle is a chirp userId: 1 to 64 letters, digits, '_', '.' or '-' (domain UserId.PATTERN).
check-name:
	@[[ "$(NAME)" =~ ^[A-Za-z0-9_.-]{1,64}$$ ]] || { echo "Say whose handle: NAME=ada, 1 to 64 letters, digits, '_', '.' or '-' (a chirp userId)." >&2; exit 1; }

user: check-env check-name check-aws ## Create a person who can sign in on ENV: NAME=<handle> [ADMIN=1] [EMAIL=...] [PERMANENT=1] [REUSE=1]; prints their generated password once
	@REUSE="$(REUSE)" scripts/user $(TF_DIR) "$(NAME)" "$(ADMIN)" "$(EMAIL)" "$(PERMANENT)"

token: check-env check-name check-aws ## Print an ID token of NAME on ENV for scripts (PASSWORD=..., or asked for)
	@scripts/token $(TF_DIR) "$(NAME)"

revoke-admin: check-env check-name check-aws ## Take admin rights from NAME on ENV (leave admins, sign out everywhere) and say when their last token expires
	@scripts/revoke-admin $(TF_DIR) "$(NAME)"

validate: ## terraform fmt -check and validate for the account settings and every environment (where terraform is installed)
	@command -v terraform >/dev/null || { echo "terraform is not installed, so nothing was validated: install it (https://developer.hashicorp.com/terraform/install) or run ../shared/tools/tfcheck/tfcheck terraform for the offline check." >&2; exit 1; }
	terraform fmt -check -recursive terraform
	@for env in terraform/account/ terraform/environments/*/; do \
	  echo "== $$env"; \
	  terraform -chdir=$$env init -backend=false -input=false >/dev/null || { echo "terraform init failed in $$env: it needs to download the providers once (network access to registry.terraform.io)." >&2; exit 1; }; \
	  terraform -chdir=$$env validate || exit 1; \
	done

clean: ## Remove build output (keeps the local stack's data in .data; rm -rf .data to reset it)
	$(MVN) -q clean
