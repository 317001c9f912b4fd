# One command each: `make test`, `make demo`. Every target installs what it needs, idempotently.
SHELL := /bin/bash
PLUGIN := yongji_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
BUILD := build
DIST := dist
ZIP := $(DIST)/$(PLUGIN)-$(VERSION).zip
OUT := out
DEMO_GPKG := $(OUT)/demo/yongji_demo.gpkg
DEMO_SIZE ?= 1
DEMO_V2_GPKG := $(OUT)/demo/yongji_demo_v2.gpkg

APT_CHECK := qgis python3-qgis qgis-providers fonts-wqy-microhei fonts-noto-cjk xvfb xauth \
	qttools5-dev-tools pyqt5-dev-tools python3-venv python3-jinja2 python3-shapely python3-yaml \
	python3-psycopg2 python3-pyproj poppler-utils zip unzip postgresql-15 postgresql-15-postgis-3 debootstrap

# test hosts: bookworm = this machine (QGIS 3.22), trixie = Debian 13 in a chroot (QGIS 3.40),
# trixie-bp = a copy of that chroot with QGIS 3.44 LTR from trixie-backports
HOSTS := bookworm trixie trixie-bp
HOST ?= $(HOSTS)
CHROOT_HOSTS := $(filter-out bookworm,$(HOST))
# suites side by side: two on two cores or more (measured: a suite keeps less than one core busy)
JOBS ?= $(if $(filter 1,$(shell nproc)),1,2)
# the fast subset `make check` runs (markers: tests/conftest.py, README's Tests)
CHECK_MARKERS := not slow and not postgis and not desktop and not chroot

TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: deps test check $(addprefix suite-,$(HOSTS)) test-bookworm test-trixie test-trixie-bp host-trixie host-trixie-bp demo demo-data demo-data-v2 package deploy i18n ts clean bench

## deps: Debian packages and the test venv (quick when already there)
deps: $(STAMPS)/apt $(VENV)/.installed

$(STAMPS)/apt:
	@mkdir -p $(STAMPS)
	@if ! dpkg -s $(APT_CHECK) >/dev/null 2>&1; then \
		echo "Installing Debian packages…"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq $(APT_CHECK) >/dev/null; \
	fi
	@touch $@

$(VENV)/.installed: requirements-test.txt $(STAMPS)/apt
	@test -x $(PY) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements-test.txt
	@touch $@

## i18n: compile the Qt catalogues (.ts -> .qm)
i18n: $(QM)
resources/i18n/%.qm: resources/i18n/%.ts $(STAMPS)/apt
	@lrelease -silent $< -qm $@

## ts: refresh the .ts catalogues from the sources (developers; keeps existing translations)
ts: $(STAMPS)/apt
	@mkdir -p $(BUILD) && /usr/bin/python3 scripts/translation_pro.py > $(BUILD)/yongji_plugin.pro
	@cd $(BUILD) && pylupdate5 -noobsolete yongji_plugin.pro

## package: dist/yongji_plugin-<version>.zip, the plugin folder as QGIS installs it
package: $(ZIP)
$(ZIP): i18n $(shell find $(PLUGIN) resources forms -type f -not -name '*.pyc' 2>/dev/null) metadata.txt LICENSE
	@rm -rf $(BUILD)/stage && mkdir -p $(BUILD)/stage/$(PLUGIN) $(DIST)
	@cp -r $(PLUGIN)/. $(BUILD)/stage/$(PLUGIN)/
	@cp -r resources forms metadata.txt LICENSE $(BUILD)/stage/$(PLUGIN)/
	@rm -f $(BUILD)/stage/$(PLUGIN)/resources/i18n/*.ts
	@find $(BUILD)/stage \( -name '__pycache__' -o -name '*.pyc' \) -prune -exec rm -rf {} +
	@rm -f $@ && cd $(BUILD)/stage && zip -qr -X ../../$@ $(PLUGIN)
	@echo "Built $@"

## deploy: install the package into the default QGIS profile
deploy: $(ZIP)
	@dest=$${QGIS_PROFILE_DIR:-$$HOME/.local/share/QGIS/QGIS3/profiles/default}/python/plugins; \
		mkdir -p $$dest && rm -rf $$dest/$(PLUGIN) && unzip -q -o $(ZIP) -d $$dest && \
		echo "Installed into $$dest/$(PLUGIN)"

## demo-data: the illustrative demo 一张图 GeoPackage (DEMO_SIZE>1 for a large variant)
demo-data: $(DEMO_GPKG)
$(DEMO_GPKG): $(STAMPS)/apt $(VENV)/.installed scripts/make_demo_data.py $(wildcard scripts/yongji_demo/*.py)
	@$(PY) scripts/make_demo_data.py --output $@ --size $(DEMO_SIZE)

## demo-data-v2: a second version of the demo with known edits, for 规划版本对比
demo-data-v2: $(DEMO_V2_GPKG)
$(DEMO_V2_GPKG): $(DEMO_GPKG) scripts/make_demo_version.py
	@$(PY) scripts/make_demo_version.py --base $(DEMO_GPKG) --output $@

## demo: build the demo data and run the main jobs headless into out/
demo: deps i18n $(DEMO_GPKG) $(DEMO_V2_GPKG)
	@$(PY) scripts/run_demo.py --data $(DEMO_GPKG) --out $(OUT)

## test: the whole suite on every host (HOST=bookworm, trixie or trixie-bp for one); one summary line each.
## two hosts side by side (JOBS, 2 on two cores or more), each host's output printed whole when it ends
test: deps i18n package
	@rm -f $(BUILD)/test-*.summary
	@$(MAKE) --no-print-directory -k -j$(JOBS) $(if $(word 2,$(HOST)),--output-sync=target) \
		$(addprefix suite-,$(HOST)); rc=$$?; \
		echo "== test summary =="; for host in $(HOST); do \
			cat $(BUILD)/test-$$host.summary 2>/dev/null || echo "$$host: not run (see above)"; done; exit $$rc

suite-bookworm:
	@scripts/run_suite.sh bookworm
# the chroot suites wait for every chroot (a chroot is copied only while no suite runs in it)
$(addprefix suite-,$(filter-out bookworm,$(HOSTS))): $(addprefix host-,$(CHROOT_HOSTS))
	@scripts/run_suite.sh $(@:suite-%=%)

test-bookworm:
	@$(MAKE) --no-print-directory test HOST=bookworm
test-trixie:
	@$(MAKE) --no-print-directory test HOST=trixie
test-trixie-bp:
	@$(MAKE) --no-print-directory test HOST=trixie-bp

## check: the fast subset (not slow, postgis, desktop or chroot) on this machine's QGIS 3.22
check: deps i18n package
	@$(PY) -X faulthandler -m pytest tests -m "$(CHECK_MARKERS)" --qgis_disable_gui -p no:cacheprovider -q

## host-trixie: the Debian 13 chroot with QGIS 3.40 and its test venv (built once; quick after)
host-trixie: $(STAMPS)/apt
	@scripts/chroot_host.sh prepare .hosts/trixie

## host-trixie-bp: QGIS 3.44 LTR from trixie-backports in a copy of the trixie chroot (built once)
host-trixie-bp: host-trixie
	@scripts/chroot_host.sh prepare .hosts/trixie-bp --from .hosts/trixie --backports

bench: deps i18n
	@$(PY) bench/run_bench.py $(if $(W3),--w3)
	@$(PY) bench/coordfile_bench.py

clean:
	@for host in trixie trixie-bp; do scripts/chroot_host.sh remove .hosts/$$host; done  # unmounts first
	rm -rf $(BUILD) $(DIST) $(OUT) $(STAMPS) $(VENV) .hosts resources/i18n/*.qm
