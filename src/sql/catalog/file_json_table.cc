// JsonTable: the first file's inferred schema, then every file's columns widened to it.
#include "formats/json/json_reader.h"
#include "sql/catalog/file_text_scan.h"
#include "sql/catalog/file_text_tables.h"

namespace bundlebase::sql {
namespace {

// The first byte that is not a byte order mark or JSON whitespace, or 0 for none.
Result<char> FirstSignificantByte(io::RandomAccessFile& file) {
  BB_ASSIGN_OR_RAISE(auto head, file.ReadAt(0, std::min<uint64_t>(file.size(), 4096)));
  std::string_view text = head->view();
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
  }
  return '\0';
}

// A reader over one JSON file: JSON lines stream; a document is read whole.
Result<std::unique_ptr<RecordBatchReader>> OpenJson(io::FileSystem& fs, const std::string& path,
                                                    json::JsonReadOptions options) {
  options.filename = path;
  auto opened = fs.OpenRead(path);
  if (!opened.ok()) return opened.status().WithContextF("opening JSON file \"{}\"", path);
  std::shared_ptr<io::RandomAccessFile> file = std::move(*opened);
  bool lines = options.format == json::JsonFormat::kLines;
  if (options.format == json::JsonFormat::kAuto && !options.record_path && file->size() > 0) {
    BB_ASSIGN_OR_RAISE(char first, FirstSignificantByte(*file));
    if (first == '{') {
      // JSON lines, unless the first object spans lines (one pretty-printed document): the
      // lines reader then fails, and the document reader decides, with its own errors.
      json::JsonReadOptions as_lines = options;
      as_lines.format = json::JsonFormat::kLines;
      auto reader = json::OpenJsonLinesReader(file, as_lines);
      if (reader.ok()) return std::move(*reader);
    }
  }
  if (lines) return json::OpenJsonLinesReader(std::move(file), options);
  BB_ASSIGN_OR_RAISE(auto batch, json::ReadJsonFile(fs, path, options));
  return MakeVectorReader(batch->schema(), {batch});
}

}  // namespace

Result<std::shared_ptr<JsonTable>> JsonTable::Open(std::shared_ptr<io::FileSystem> fs,
                                                   std::vector<std::string> files,
                                                   json::JsonReadOptions options) {
  if (files.empty()) return Status::Invalid("a JSON table needs at least one file");
  BB_RETURN_NOT_OK(options.Validate());
  BB_ASSIGN_OR_RAISE(auto reader, OpenJson(*fs, files[0], options));
  SchemaPtr schema = reader->schema();
  return std::make_shared<JsonTable>(std::move(fs), std::move(files), std::move(options),
                                     std::move(schema));
}

Result<std::unique_ptr<TableScan>> JsonTable::Scan(const ScanRequest& request) const {
  BB_ASSIGN_OR_RAISE(SchemaPtr output, ProjectSchema(*schema_, request.columns));
  auto open = [fs = fs_, files = files_, options = options_, table = schema_,
               requested = request.columns,
               output](size_t index) -> Result<std::unique_ptr<RecordBatchReader>> {
    const std::string& path = files[index];
    BB_ASSIGN_OR_RAISE(auto reader, OpenJson(*fs, path, options));
    BB_ASSIGN_OR_RAISE(FileColumnMapping mapping,
                       MapFileColumns(*table, files[0], *reader->schema(), path,
                                      WideningRules::kJson));
    std::vector<int> file_columns;
    for (int i = 0; i < reader->schema()->num_fields(); ++i) file_columns.push_back(i);
    return MakeConformingReader(std::move(reader), std::move(file_columns), std::move(mapping),
                                requested, output, path);
  };
  return MakePerFileScan(output, files_.size(), std::move(open));
}

}  // namespace bundlebase::sql
