// bundlebase-demo: what `make demo` runs. It makes the kind of files a daily pipeline pulls —
// a raw events CSV, a reference taxonomy as an API's JSON response, a vendor drop as JSON lines
// — reads each with format detection and type inference, prints them as tables, writes the
// events back out as CSV and reads that again, and shows the error a malformed file gets.
// Everything happens in a scratch directory that is removed at the end.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "columnar/pretty_print.h"
#include "formats/csv/csv_reader.h"
#include "formats/csv/csv_writer.h"
#include "formats/json/json_reader.h"
#include "io/local_file_system.h"

namespace bundlebase {
namespace {

constexpr const char* kEvents =
    "event_id;event_time;event_type_id;user_id;region;amount;note\n"
    "1;2026-01-05 08:15:00;10;u-001;Europe;12.50;first visit\n"
    "2;2026-01-05 08:17:31;11;u-002;EU;3.99;\"said \"\"hi\"\"\"\n"
    "3;2026-01-05 09:02:10;10;;europe;;\n"
    "4;2026-01-05 09:45:00;12;u-001;Americas;120.00;\"two\nlines\"\n"
    "5;2026-01-05 10:00:00;13;u-003;APAC;0.10;internal_test\n";

constexpr const char* kTaxonomy = R"({
  "version": "2026-01",
  "types": [
    {"id": 10, "name": "page_view", "meta": {"category": "web", "billable": false}},
    {"id": 11, "name": "signup", "meta": {"category": "account", "billable": true}},
    {"id": 12, "name": "purchase", "meta": {"category": "commerce", "billable": true}},
    {"id": 13, "name": "internal_test", "meta": {"category": "qa", "billable": false}}
  ]
})";

constexpr const char* kVendor =
    R"({"vendor_id": "v-9", "user_id": "u-001", "score": 0.93, "tags": ["gold", "eu"]})" "\n"
    R"({"vendor_id": "v-9", "user_id": "u-002", "score": 0.41, "tags": []})" "\n"
    R"({"vendor_id": "v-7", "user_id": "u-003", "score": null, "tags": ["apac"]})" "\n";

void Title(const std::string& text) { std::cout << "\n== " << text << "\n"; }

void PrintBatch(const RecordBatchPtr& batch) {
  std::cout << FormatBatchesAsTable(batch->schema(), {batch});
}

int Fail(const Status& status) {
  std::cerr << "demo failed: " << status.ToString() << "\n";
  return 1;
}

int Run() {
  auto fs = io::LocalFileSystem::Instance();
  std::string dir = (std::filesystem::temp_directory_path() / "bundlebase-demo-XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } cleanup{dir};

  const std::string events = dir + "/raw/events-2026-01-05.csv";
  const std::string taxonomy = dir + "/api/event-types.json";
  const std::string vendor = dir + "/vendor/outbound/2026-01-05.jsonl";
  for (const auto& [path, text] : {std::pair{events, kEvents}, std::pair{taxonomy, kTaxonomy},
                                   std::pair{vendor, kVendor}}) {
    if (Status st = fs->WriteFile(path, text); !st.ok()) return Fail(st);
  }
  std::cout << "bundlebase demo: reading the files a daily pipeline pulls (in " << dir << ")\n";

  Title("Raw events (CSV, dialect and types detected)");
  auto file = fs->OpenRead(events);
  if (!file.ok()) return Fail(file.status());
  auto reader = csv::OpenCsvReader(std::shared_ptr<io::RandomAccessFile>(std::move(*file)));
  if (!reader.ok()) return Fail(reader.status());
  std::cout << csv::DescribeDialect((*reader)->dialect()) << "\n";
  auto event_batches = (*reader)->ReadAll();
  if (!event_batches.ok()) return Fail(event_batches.status());
  auto event_rows = ConcatenateBatches((*reader)->schema(), *event_batches);
  if (!event_rows.ok()) return Fail(event_rows.status());
  PrintBatch(*event_rows);

  Title("Reference taxonomy (an API's JSON, records at path 'types', nested objects flattened)");
  json::JsonReadOptions jopts;
  jopts.record_path = "types";
  jopts.meta = {"version"};
  auto types = json::ReadJsonFile(*fs, taxonomy, jopts);
  if (!types.ok()) return Fail(types.status());
  PrintBatch(*types);

  Title("Vendor drop (JSON lines, lists kept as lists)");
  auto vendor_rows = json::ReadJsonFile(*fs, vendor, {});
  if (!vendor_rows.ok()) return Fail(vendor_rows.status());
  PrintBatch(*vendor_rows);

  Title("Events written back as CSV and read again");
  const std::string copy = dir + "/out/events.csv";
  {
    auto out = fs->OpenWrite(copy, io::WriteMode::kAtomicReplace);
    if (!out.ok()) return Fail(out.status());
    if (Status st = csv::WriteCsv(out->get(), **event_rows); !st.ok()) return Fail(st);
    if (Status st = (*out)->Close(); !st.ok()) return Fail(st);
  }
  auto again = csv::ReadCsvFile(copy);
  if (!again.ok()) return Fail(again.status());
  std::cout << ((*again)->Equals(**event_rows) ? "identical: " : "DIFFERENT: ")
            << (*again)->num_rows() << " rows, " << (*again)->num_columns() << " columns\n";

  Title("A malformed file gets an error that says where and why");
  const std::string broken = dir + "/raw/broken.csv";
  if (Status st = fs->WriteFile(broken, "id,name,amount\n1,ok,2.5\n2,\"unterminated,3\n3,x,4\n");
      !st.ok()) {
    return Fail(st);
  }
  auto bad = csv::ReadCsvFile(broken);
  std::cout << (bad.ok() ? std::string("unexpectedly read it") : bad.status().message()) << "\n";
  return 0;
}

}  // namespace
}  // namespace bundlebase

int main() { return bundlebase::Run(); }
