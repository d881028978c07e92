// Scratch directories and sample-file lookup for the unit tests.
#include "test_util.h"

#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace bundlebase::testing {

ScratchDir::ScratchDir() {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path();
  for (;;) {
    path_ = base / ("bundlebase-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    if (std::filesystem::create_directory(path_)) break;
  }
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ScratchDir::WriteFile(const std::string& relative, const std::string& contents) const {
  auto full = path_ / relative;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out << contents;
  return full.string();
}

std::optional<std::string> SampleFile(const std::string& name) {
  auto path = std::filesystem::path(BB_SAMPLE_DATA_DIR) / name;
  if (std::filesystem::exists(path)) return path.string();
  return std::nullopt;
}

std::string RepoFile(const std::string& relative) {
  return (std::filesystem::path(BB_SOURCE_DIR) / relative).string();
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace bundlebase::testing
