// Replays the fuzzer's seed corpus and crash reproducers through the fuzz harness's own decode+check
// (tests/fuzz/fuzz_case.h), so the native, sanitizer and WebAssembly runs of this suite all hold the core
// to what the fuzzer checks. Also checks that the seed corpus still reaches what it was written to reach.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../fuzz/fuzz_case.h"

namespace {

namespace fs = std::filesystem;

struct CorpusFile {
  std::string name;
  std::vector<uint8_t> bytes;
};

const fs::path fuzz_dir = CONV1D_FUZZ_DIR;

// Every fuzz input of tests/fuzz/<folder>, sorted by name. Inputs have no extension (libFuzzer's crash-<sha1>
// or a make_corpus.cpp name); files with one (open.txt) are not inputs.
std::vector<CorpusFile> read_folder(const char* folder) {
  std::vector<CorpusFile> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(fuzz_dir / folder)) {
    if (!entry.is_regular_file() || entry.path().has_extension()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    files.push_back({std::string(folder) + "/" + entry.path().filename().string(),
                     std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())});
  }
  std::sort(files.begin(), files.end(), [](const CorpusFile& a, const CorpusFile& b) { return a.name < b.name; });
  return files;
}

void replay(const std::vector<CorpusFile>& files) {
  for (const CorpusFile& file : files) {
    const conv1d_fuzz::Result result = conv1d_fuzz::check_bytes(file.bytes.data(), file.bytes.size());
    INFO(file.name << " (" << conv1d_fuzz::outcome_name(result.outcome) << ")");
    CHECK(result.failure == "");
  }
}

}  // namespace

TEST_CASE("the fuzz seed corpus replays without findings", "[fuzz]") {
  const std::vector<CorpusFile> corpus = read_folder("corpus");
  REQUIRE(corpus.size() >= 50);  // a missing folder (wrong CONV1D_FUZZ_DIR, no file system) is not a pass
  replay(corpus);
}

// Reproducers of bugs not fixed yet, named in tests/fuzz/regressions/open.txt: they crash or hang the process
// (a hang has no timeout here), so the suite skips them -- loudly -- until their line is deleted.
std::set<std::string> open_reproducers() {
  std::set<std::string> names;
  std::ifstream in(fuzz_dir / "regressions" / "open.txt");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') names.insert("regressions/" + line.substr(0, line.find_first_of(" \t")));
  }
  return names;
}

std::vector<CorpusFile> regressions(bool open) {
  const std::set<std::string> names = open_reproducers();
  std::vector<CorpusFile> files = read_folder("regressions");
  files.erase(std::remove_if(files.begin(), files.end(),
                             [&](const CorpusFile& f) { return (names.count(f.name) > 0) != open; }),
              files.end());
  return files;
}

TEST_CASE("fuzz crash reproducers replay without findings", "[fuzz]") {
  const std::vector<CorpusFile> open = regressions(true);
  if (!open.empty()) {
    std::string names;
    for (const CorpusFile& f : open) names += "\n  " + f.name;
    WARN(open.size() << " reproducers of open core bugs skipped (tests/fuzz/regressions/open.txt; replay them with "
                        "conv1d_tests \"[fuzz-open]\"):"
                     << names);
  }
  replay(regressions(false));
}

TEST_CASE("fuzz reproducers of open bugs", "[.][fuzz-open]") { replay(regressions(true)); }

TEST_CASE("fuzz cases survive encode(decode(bytes))", "[fuzz]") {
  for (const CorpusFile& file : read_folder("corpus")) {
    INFO(file.name);
    const std::vector<uint8_t> once = conv1d_fuzz::encode(conv1d_fuzz::decode(file.bytes.data(), file.bytes.size()));
    CHECK(conv1d_fuzz::encode(conv1d_fuzz::decode(once.data(), once.size())) == once);
  }
}

TEST_CASE("the fuzz seed corpus reaches every argument, padding mode and outcome", "[fuzz]") {
  std::set<std::string> reached;
  std::map<std::string, int> outcomes;
  for (const CorpusFile& file : read_folder("corpus")) {
    const conv1d_fuzz::FuzzCase c = conv1d_fuzz::decode(file.bytes.data(), file.bytes.size());
    const conv1d_fuzz::Result result = conv1d_fuzz::check(c);
    ++outcomes[conv1d_fuzz::outcome_name(result.outcome)];
    if (result.outcome != conv1d_fuzz::Outcome::ran) continue;
    const conv1d::Conv1dArguments& a = c.arguments;
    reached.insert("mode " + a.padding_mode);
    reached.insert(a.padding_is_string
                       ? "padding " + a.padding_string + " in " + a.padding_mode
                       : std::string(a.padding > 0 ? "padding > 0 in " : "padding <= 0 in ") + a.padding_mode);
    if (a.stride > 1) reached.insert("stride > 1");
    if (a.dilation > 1) reached.insert("dilation > 1");
    if (a.groups > 1) reached.insert("groups > 1");
    if (a.groups > 1 && a.groups == a.in_channels) reached.insert("depthwise");
    if (!a.bias) reached.insert("bias=False");
    if (c.input_shape.size() == 2) reached.insert("unbatched");
    if (c.input_shape.size() == 3 && c.input_shape[0] > 1) reached.insert("batch > 1");
    if (c.input_shape.size() == 3 && c.input_shape[0] == 0) reached.insert("batch 0");
    if (c.input_shape.size() >= 2 && c.input_shape[c.input_shape.size() - 2] == 0) reached.insert("channels 0");
    if (c.input.mode == conv1d_fuzz::Values::specials || c.input.mode == conv1d_fuzz::Values::raw) {
      reached.insert("special input values");
    }
    if (c.replace_weight) reached.insert("set_weight");
    if (c.bias_action == 1) reached.insert("set_bias");
    if (c.bias_action == 2) reached.insert("set_bias(none)");
    if (c.bad_weight_shape != 0) reached.insert("wrong weight shape " + std::to_string(c.bad_weight_shape));
    if (c.bad_bias_shape != 0) reached.insert("wrong bias shape " + std::to_string(c.bad_bias_shape));
  }
  std::vector<std::string> wanted = {
      "stride > 1", "dilation > 1", "groups > 1",           "depthwise",  "bias=False", "unbatched",     "batch > 1",
      "batch 0",    "channels 0",   "special input values", "set_weight", "set_bias",   "set_bias(none)"};
  for (const char* mode : {"zeros", "reflect", "replicate", "circular"}) {
    const std::string m = mode;
    for (const std::string& what :
         {"mode " + m, "padding > 0 in " + m, "padding same in " + m, "padding valid in " + m}) {
      wanted.push_back(what);
    }
  }
  for (int s = 1; s < 8; ++s) wanted.push_back("wrong weight shape " + std::to_string(s));
  for (int s = 1; s < 6; ++s) wanted.push_back("wrong bias shape " + std::to_string(s));
  for (const std::string& what : wanted) {
    INFO("no seed case that runs forward covers: " << what);
    CHECK(reached.count(what) == 1);
  }
  for (const char* outcome : {"refused_arguments", "refused_construction", "refused_input", "ran"}) {
    INFO("no seed case ends in " << outcome);
    CHECK(outcomes[outcome] > 0);
  }
}

// The fuzzer's working corpus (thousands of inputs that scripts/fuzz.sh kept for new coverage), replayed on
// demand: natively the fuzzer already ran them, but the WebAssembly build dispatches to the SIMD kernels,
// which only this replay exercises:  node build/wasm/tests/cpp/conv1d_tests.js "[fuzz-working-corpus]"
TEST_CASE("the fuzzer's working corpus replays without findings", "[.][fuzz-working-corpus]") {
  const fs::path dir = fuzz_dir / ".." / ".." / "build" / "fuzz" / "corpus";
  if (!fs::is_directory(dir)) FAIL("no " << dir.string() << ": run scripts/fuzz.sh first");
  size_t count = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const conv1d_fuzz::Result result = conv1d_fuzz::check_bytes(bytes.data(), bytes.size());
    INFO(entry.path().filename().string());
    CHECK(result.failure == "");
    ++count;
  }
  WARN("replayed " << count << " inputs of " << dir.string());
}
