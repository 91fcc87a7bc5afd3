# Dossier: the two commands a user needs are `make demo` and `make test`.
BUILD      ?= build
ASAN_BUILD ?= build-asan
DB         ?= ./dossier.db
SCALE      ?= 16
JOBS       ?= $(shell nproc)
FUZZ_SECONDS ?= 600

.PHONY: deps build test test-release test-asan demo bench clean format fuzz

deps:
	@bash scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: test-release test-asan

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

# Unit and fuzz-replay suites again under AddressSanitizer + UBSan (Debug).
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DDOSSIER_SANITIZE=ON -DDOSSIER_UNIT_ONLY=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	# ASan frames are 2-3x larger: deep (but bounded) query ASTs need a bigger stack.
	ulimit -s 262144 2>/dev/null || true; \
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure \
	  -j $(JOBS) -L 'unit|fuzz-replay' --timeout 900

demo: build
	$(BUILD)/dossier build --db $(DB) data/
	$(BUILD)/dossier query --db $(DB) \
	  "MATCH (a)-[r:ACCUSES]->(b) RETURN a.name AS accuser, r.kind AS kind, b.name AS accused ORDER BY accuser, accused"

# libFuzzer targets (clang-14, ASan+UBSan) in build-fuzz/, each run for
# FUZZ_SECONDS; outside CI (CI replays the corpora: label fuzz-replay).
fuzz:
	@bash scripts/install-fuzz-deps
	JOBS=$(JOBS) bash tests/fuzz/build-fuzzers.sh $(FUZZ_SECONDS)

# Dossier against Kùzu on the same Kronecker graph (answers checked), then
# BFS over the CSR against plain Boost.Graph (runs even when answers differ).
bench: build
	-$(BUILD)/dossier bench --scale $(SCALE)
	$(BUILD)/dossier_bench_graph --scale=$(SCALE)

format:
	@find graph query loaders cli include api tests benchmarks -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
