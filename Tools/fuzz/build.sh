#!/usr/bin/env bash
# Builds the libFuzzer binaries, one per fuzz target, into .build-fuzz/bin/<target>.
#
#   Tools/fuzz/build.sh [TARGET...]     # default: graph-file jsonl query extract
#
# Each module the targets need is compiled once with swiftc (whole module, -O, debug info) with
# libFuzzer's coverage instrumentation and AddressSanitizer (-sanitize=fuzzer,address), to a
# .swiftmodule and one object file; each entry file in Tools/fuzz/Entry is then linked with the objects
# and libFuzzer's main. SwiftPM is not used because it cannot link a library target without a main into
# a libFuzzer binary. Environment: SANITIZE (default fuzzer,address), OPT (default -O).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/.build-fuzz"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(graph-file jsonl query extract)
sanitize=${SANITIZE:-fuzzer,address}
opt=${OPT:--O}
mkdir -p "$out/modules" "$out/objects" "$out/bin"

# Modules in dependency order: name, then source folder.
modules=(
  "KGModel Sources/KGModel"
  "KGQuerySyntax Sources/KGQuerySyntax"
  "KGCitations Sources/KGCitations"
  "KGInterchange Sources/KGInterchange"
  "KGStore Sources/KGStore"
  "KGText Sources/KGText"
  "KGQuery Sources/KGQuery"
  "KGExtract Sources/KGExtract"
  "KGFuzzTargets Tools/fuzz/Targets"
)

flags=(-swift-version 6 -parse-as-library -wmo "$opt" -g -sanitize="$sanitize" -I "$out/modules")

rebuilt=0
for entry in "${modules[@]}"; do
  read -r name dir <<<"$entry"
  object="$out/objects/$name.o"
  # Rebuild when a source is newer than the object, or an earlier module was rebuilt.
  if [ $rebuilt -eq 0 ] && [ -f "$object" ] && [ -z "$(find "$dir" -name '*.swift' -newer "$object" | head -1)" ]; then
    continue
  fi
  rebuilt=1
  echo "fuzz build: $name"
  mapfile -t files < <(find "$dir" -name '*.swift' | sort)
  swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
    -c "${files[@]}" -o "$object"
done

objects=()
for entry in "${modules[@]}"; do read -r name _ <<<"$entry"; objects+=("$out/objects/$name.o"); done
for target in "${targets[@]}"; do
  echo "fuzz link: $target"
  # ld.gold warns about exporting the sanitizer's local symbols; those lines are noise.
  swiftc "${flags[@]}" -module-name "Fuzz_${target//-/_}" "Tools/fuzz/Entry/$target.swift" "${objects[@]}" \
    -o "$out/bin/$target" 2> >(grep -v "Cannot export local symbol" >&2)
done
echo "fuzz build: binaries in .build-fuzz/bin"
