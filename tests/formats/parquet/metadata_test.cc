// Footer and page-header decoding: a real footer written by Arrow C++ (parquet-cpp 26), round
// trips of every field through the encoder, and malformed or hostile metadata.
#include "formats/parquet/metadata.h"

#include <cstring>
#include <string>

#include "test_util.h"

namespace bundlebase::parquet {
namespace {

std::string FromHex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

const uint8_t* U8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// The footer of a 3-row file written by pyarrow 26 with columns id int32, big int64,
// name string, price decimal(9,2), ts timestamp[us, UTC], tags list<int16>; snappy, statistics.
const char kArrowFooterHex[] =
    "1504199c35001806736368656d61150c0015022502180269640015042502180362696700150c250218046e61"
    "6d6525004c1c000000150e1508150218057072696365250a150415122c5c1504151200000015042502180274"
    "7325144c8c111c2c00000000003502180474616773150215064c3c000000350418046c697374150200150225"
    "021807656c656d656e7425204cac1310110000001606191c196c26001c150219350006101918026964150216"
    "0616a60116ae01264026081c1804030000001804010000001600280403000000180401000000111100192c15"
    "041500150200150015101502003c29061926000600000026001c150419350006101918036269671502160616"
    "cc0116d40126f60126b6011c18081e0000000000000018080a00000000000000160228081e00000000000000"
    "18080a00000000000000111100192c15041500150200150015101502003c29061926020400000026001c150c"
    "19350006101918046e616d6515021606168401168c0126c203268a031c36022803636363180161111100192c"
    "15041500150200150015101502003c160819061926020400000026001c150e19350006101918057072696365"
    "15021606169c0116a40126c6042696041c18040000007d1804fffffea2160228040000007d1804fffffea211"
    "1100192c15041500150200150015101502003c29061926020400000026001c15041935000610191802747315"
    "02160616cc0116d40126fa0526ba051c1808e8030000000000001808000000000000000016022808e8030000"
    "0000000018080000000000000000111100192c15041500150200150015101502003c29061926020400000026"
    "001c1502193500061019380474616773046c69737407656c656d656e741502160816aa0116b20126be07268e"
    "071c1804020000001804010000001604280402000000180401000000111100192c1504150015020015001510"
    "1502003c292606021946020200040000001688081606260816b808002820706172717565742d6370702d6172"
    "726f772076657273696f6e2032362e302e31196c1c00001c00001c00001c00001c00001c000000";

// The dictionary page header of column `id` in the same file (at byte 4), plus page bytes.
const char kArrowDictPageHex[] = "15041518151c4c150615001200000c2c010000000200000003000000";

TEST(MetadataTest, DecodesAFooterWrittenByArrow) {
  std::string footer = FromHex(kArrowFooterHex);
  ASSERT_OK_AND_ASSIGN(FileMetaData md, DecodeFileMetaData(U8(footer), footer.size()));
  EXPECT_EQ(md.version, 2);
  EXPECT_EQ(md.num_rows, 3);
  EXPECT_EQ(md.created_by, "parquet-cpp-arrow version 26.0.1");
  ASSERT_EQ(md.schema.size(), 9u);
  EXPECT_EQ(md.schema[0].name, "schema");
  EXPECT_EQ(md.schema[0].num_children, 6);
  EXPECT_EQ(md.schema[1].name, "id");
  EXPECT_EQ(md.schema[1].type, Type::kInt32);
  EXPECT_EQ(md.schema[1].repetition_type, FieldRepetitionType::kOptional);
  EXPECT_EQ(md.schema[3].logical_type.kind, LogicalTypeKind::kString);
  EXPECT_EQ(md.schema[3].converted_type, ConvertedType::kUtf8);
  const SchemaElement& price = md.schema[4];
  EXPECT_EQ(price.type, Type::kFixedLenByteArray);
  EXPECT_EQ(price.type_length, 4);
  EXPECT_EQ(price.logical_type.kind, LogicalTypeKind::kDecimal);
  EXPECT_EQ(price.logical_type.precision, 9);
  EXPECT_EQ(price.logical_type.scale, 2);
  EXPECT_EQ(price.precision, 9);
  EXPECT_EQ(price.scale, 2);
  const SchemaElement& ts = md.schema[5];
  EXPECT_EQ(ts.logical_type.kind, LogicalTypeKind::kTimestamp);
  EXPECT_TRUE(ts.logical_type.is_adjusted_to_utc);
  EXPECT_EQ(ts.logical_type.unit, LogicalTimeUnit::kMicros);
  EXPECT_EQ(md.schema[6].logical_type.kind, LogicalTypeKind::kList);
  EXPECT_EQ(md.schema[7].repetition_type, FieldRepetitionType::kRepeated);
  const SchemaElement& element = md.schema[8];
  EXPECT_EQ(element.logical_type.kind, LogicalTypeKind::kInteger);
  EXPECT_EQ(element.logical_type.bit_width, 16);
  EXPECT_TRUE(element.logical_type.is_signed);
  EXPECT_EQ(CountLeafColumns(md.schema), 6);

  ASSERT_EQ(md.row_groups.size(), 1u);
  const RowGroup& rg = md.row_groups[0];
  EXPECT_EQ(rg.num_rows, 3);
  ASSERT_EQ(rg.columns.size(), 6u);
  const ColumnMetaData& id = *rg.columns[0].meta_data;
  EXPECT_EQ(id.type, Type::kInt32);
  EXPECT_EQ(id.codec, CompressionCodec::kSnappy);
  EXPECT_EQ(id.num_values, 3);
  EXPECT_EQ(id.path_in_schema, std::vector<std::string>{"id"});
  EXPECT_EQ(id.dictionary_page_offset, 4);
  EXPECT_EQ(id.data_page_offset, 32);
  EXPECT_EQ(id.total_compressed_size, 87);
  EXPECT_EQ(id.total_uncompressed_size, 83);
  EXPECT_EQ(id.encodings,
            (std::vector<Encoding>{Encoding::kPlain, Encoding::kRle, Encoding::kRleDictionary}));
  ASSERT_TRUE(id.statistics.has_value());
  EXPECT_EQ(id.statistics->null_count, 0);
  EXPECT_EQ(id.statistics->min_value, std::string("\x01\0\0\0", 4));
  EXPECT_EQ(id.statistics->max_value, std::string("\x03\0\0\0", 4));
  EXPECT_FALSE(id.encoding_stats.empty());
  EXPECT_EQ(rg.columns[5].meta_data->path_in_schema,
            (std::vector<std::string>{"tags", "list", "element"}));
  EXPECT_EQ(md.column_orders.size(), 6u);
  EXPECT_EQ(md.column_orders[0], ColumnOrder::kTypeDefinedOrder);
}

TEST(MetadataTest, ReencodesArrowsFooter) {
  // Arrow also writes size statistics, which we skip, so compare decoded structs, not bytes.
  std::string footer = FromHex(kArrowFooterHex);
  ASSERT_OK_AND_ASSIGN(FileMetaData md, DecodeFileMetaData(U8(footer), footer.size()));
  std::string again = EncodeFileMetaData(md);
  EXPECT_LT(again.size(), footer.size());
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(again), again.size()));
  EXPECT_EQ(back, md);
}

TEST(MetadataTest, DecodesAPageHeaderWrittenByArrow) {
  std::string bytes = FromHex(kArrowDictPageHex);
  size_t header_len = 0;
  ASSERT_OK_AND_ASSIGN(PageHeader h, DecodePageHeader(U8(bytes), bytes.size(), &header_len));
  EXPECT_EQ(header_len, 14u);
  EXPECT_EQ(h.type, PageType::kDictionaryPage);
  EXPECT_EQ(h.uncompressed_page_size, 12);
  // The page body ends where the column's data page begins (offset 32).
  EXPECT_EQ(4 + header_len + h.compressed_page_size, 32u);
  ASSERT_TRUE(h.dictionary_page_header.has_value());
  EXPECT_EQ(h.dictionary_page_header->num_values, 3);
  EXPECT_EQ(h.dictionary_page_header->encoding, Encoding::kPlain);
  EXPECT_EQ(h.dictionary_page_header->is_sorted, false);
  EXPECT_EQ(EncodePageHeader(h), bytes.substr(0, header_len));
}

FileMetaData RichMetadata() {
  FileMetaData md;
  md.version = 2;
  SchemaElement root;
  root.name = "root";
  root.num_children = 3;
  SchemaElement a;
  a.name = "a";
  a.type = Type::kInt64;
  a.repetition_type = FieldRepetitionType::kRequired;
  a.field_id = 7;
  a.logical_type.kind = LogicalTypeKind::kTimestamp;
  a.logical_type.unit = LogicalTimeUnit::kNanos;
  a.logical_type.is_adjusted_to_utc = false;
  SchemaElement b;
  b.name = "b";
  b.type = Type::kFixedLenByteArray;
  b.type_length = 16;
  b.repetition_type = FieldRepetitionType::kOptional;
  b.converted_type = ConvertedType::kDecimal;
  b.scale = 3;
  b.precision = 30;
  b.logical_type.kind = LogicalTypeKind::kDecimal;
  b.logical_type.scale = 3;
  b.logical_type.precision = 30;
  SchemaElement c;
  c.name = "c";
  c.type = Type::kInt32;
  c.repetition_type = FieldRepetitionType::kOptional;
  c.logical_type.kind = LogicalTypeKind::kInteger;
  c.logical_type.bit_width = 8;
  c.logical_type.is_signed = false;
  md.schema = {root, a, b, c};
  md.num_rows = 1000;
  for (int g = 0; g < 2; ++g) {
    RowGroup rg;
    rg.num_rows = 500;
    rg.total_byte_size = 12345;
    rg.file_offset = 4 + g * 1000;
    rg.total_compressed_size = 999;
    rg.ordinal = static_cast<int16_t>(g);
    rg.sorting_columns = {{0, true, false}};
    for (const char* name : {"a", "b", "c"}) {
      ColumnChunk cc;
      cc.file_offset = 100;
      cc.offset_index_offset = 5000;
      cc.offset_index_length = 20;
      cc.column_index_offset = 6000;
      cc.column_index_length = 30;
      ColumnMetaData cmd;
      cmd.type = Type::kInt64;
      cmd.encodings = {Encoding::kPlain, Encoding::kRleDictionary, Encoding::kByteStreamSplit};
      cmd.path_in_schema = {name};
      cmd.codec = CompressionCodec::kZstd;
      cmd.num_values = 500;
      cmd.total_uncompressed_size = 4000;
      cmd.total_compressed_size = 900;
      cmd.key_value_metadata = {{"k", "v"}, {"only_key", std::nullopt}};
      cmd.data_page_offset = 200;
      cmd.dictionary_page_offset = 100;
      cmd.index_page_offset = 150;
      Statistics st;
      st.max = "mx";
      st.min = "mn";
      st.null_count = 3;
      st.distinct_count = 400;
      st.max_value = std::string("\xff\0", 2);
      st.min_value = "";
      st.is_max_value_exact = true;
      st.is_min_value_exact = false;
      st.nan_count = 0;
      cmd.statistics = st;
      cmd.encoding_stats = {{PageType::kDictionaryPage, Encoding::kPlain, 1},
                            {PageType::kDataPage, Encoding::kRleDictionary, 4}};
      cmd.bloom_filter_offset = 7000;
      cmd.bloom_filter_length = 64;
      cc.meta_data = cmd;
      rg.columns.push_back(cc);
    }
    md.row_groups.push_back(rg);
  }
  md.key_value_metadata = {{"ARROW:schema", "xyz"}};
  md.created_by = "bundlebase";
  md.column_orders = {ColumnOrder::kTypeDefinedOrder, ColumnOrder::kTypeDefinedOrder,
                      ColumnOrder::kTypeDefinedOrder};
  return md;
}

TEST(MetadataTest, RoundTripsEveryField) {
  FileMetaData md = RichMetadata();
  ASSERT_OK(ValidateFileMetaData(md));
  std::string bytes = EncodeFileMetaData(md);
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
  EXPECT_EQ(back, md);
}

TEST(MetadataTest, RoundTripsEveryLogicalType) {
  for (int kind : {1, 2, 3, 4, 6, 11, 12, 13, 14, 15, 16, 17, 18}) {
    FileMetaData md;
    SchemaElement root;
    root.name = "r";
    root.num_children = 1;
    SchemaElement leaf;
    leaf.name = "x";
    leaf.type = Type::kByteArray;
    leaf.repetition_type = FieldRepetitionType::kOptional;
    leaf.logical_type.kind = static_cast<LogicalTypeKind>(kind);
    md.schema = {root, leaf};
    std::string bytes = EncodeFileMetaData(md);
    ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
    EXPECT_EQ(back.schema[1].logical_type.kind, leaf.logical_type.kind) << kind;
  }
  FileMetaData md;
  SchemaElement root;
  root.name = "r";
  root.num_children = 1;
  SchemaElement leaf;
  leaf.name = "t";
  leaf.type = Type::kInt32;
  leaf.logical_type.kind = LogicalTypeKind::kTime;
  leaf.logical_type.unit = LogicalTimeUnit::kMillis;
  leaf.logical_type.is_adjusted_to_utc = true;
  md.schema = {root, leaf};
  std::string bytes = EncodeFileMetaData(md);
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
  EXPECT_EQ(back.schema[1].logical_type, leaf.logical_type);
}

TEST(MetadataTest, ALogicalTypeUnionWithTwoMembersKeepsTheLastWhole) {
  // Found by fuzzing: DECIMAL(9, 2) followed by member 9 must not leave DECIMAL's scale behind,
  // or re-encoding would change the metadata.
  FileMetaData md;
  SchemaElement root;
  root.name = "r";
  root.num_children = 1;
  SchemaElement leaf;
  leaf.name = "d";
  leaf.type = Type::kInt32;
  leaf.logical_type.kind = LogicalTypeKind::kDecimal;
  leaf.logical_type.scale = 2;
  leaf.logical_type.precision = 9;
  md.schema = {root, leaf};
  std::string bytes = EncodeFileMetaData(md);
  std::string decimal_member("\x5c\x15\x04\x15\x12\x00", 6);
  size_t at = bytes.find(decimal_member);
  ASSERT_NE(at, std::string::npos);
  bytes.insert(at + decimal_member.size(), std::string("\x4c\x00", 2));
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
  EXPECT_EQ(static_cast<int>(back.schema[1].logical_type.kind), 9);
  EXPECT_EQ(back.schema[1].logical_type.scale, 0);
  std::string again = EncodeFileMetaData(back);
  ASSERT_OK_AND_ASSIGN(FileMetaData twice, DecodeFileMetaData(U8(again), again.size()));
  EXPECT_EQ(twice, back);
}

TEST(MetadataTest, RoundTripsPageHeaders) {
  PageHeader v1;
  v1.type = PageType::kDataPage;
  v1.uncompressed_page_size = 1000;
  v1.compressed_page_size = 600;
  v1.crc = -12345;
  v1.data_page_header = DataPageHeader{100, Encoding::kRleDictionary, Encoding::kRle,
                                       Encoding::kBitPacked, Statistics{}};
  v1.data_page_header->statistics->null_count = 5;
  PageHeader v2;
  v2.type = PageType::kDataPageV2;
  v2.uncompressed_page_size = 1000;
  v2.compressed_page_size = 600;
  v2.data_page_header_v2 =
      DataPageHeaderV2{100, 10, 50, Encoding::kDeltaBinaryPacked, 20, 30, false, std::nullopt};
  PageHeader dict;
  dict.type = PageType::kDictionaryPage;
  dict.uncompressed_page_size = 80;
  dict.compressed_page_size = 80;
  dict.dictionary_page_header = DictionaryPageHeader{10, Encoding::kPlainDictionary, true};
  for (const PageHeader& h : {v1, v2, dict}) {
    std::string bytes = EncodePageHeader(h);
    size_t len = bytes.size();
    bytes += "page body follows";
    size_t header_len = 0;
    ASSERT_OK_AND_ASSIGN(PageHeader back, DecodePageHeader(U8(bytes), bytes.size(), &header_len));
    EXPECT_EQ(header_len, len);
    EXPECT_EQ(back, h);
  }
}

TEST(MetadataTest, EveryTruncatedFooterIsAnError) {
  std::string footer = FromHex(kArrowFooterHex);
  for (size_t n = 0; n < footer.size(); ++n) {
    auto r = DecodeFileMetaData(U8(footer), n);
    EXPECT_TRUE(r.status().IsInvalid()) << n << ": " << r.status().ToString();
  }
}

TEST(MetadataTest, EveryTruncatedPageHeaderIsAnError) {
  std::string bytes = FromHex(kArrowDictPageHex).substr(0, 14);
  for (size_t n = 0; n < bytes.size(); ++n) {
    size_t len;
    EXPECT_TRUE(DecodePageHeader(U8(bytes), n, &len).status().IsInvalid()) << n;
  }
}

TEST(MetadataTest, CorruptedFootersNeverCrash) {
  // Flip every byte of a real footer in turn: decoding may succeed or fail, never crash.
  std::string footer = FromHex(kArrowFooterHex);
  int failures = 0;
  for (size_t i = 0; i < footer.size(); ++i) {
    for (int x : {0x01, 0x80, 0xFF}) {
      std::string bad = footer;
      bad[i] = static_cast<char>(bad[i] ^ x);
      if (!DecodeFileMetaData(U8(bad), bad.size()).ok()) ++failures;
    }
  }
  EXPECT_GT(failures, 0);
}

Status DecodeStatus(const FileMetaData& md) {
  std::string bytes = EncodeFileMetaData(md);
  return DecodeFileMetaData(U8(bytes), bytes.size()).status();
}

TEST(MetadataTest, RejectsInconsistentFooters) {
  FileMetaData md = RichMetadata();
  md.num_rows = -1;
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.row_groups[1].columns.pop_back();
  Status st = DecodeStatus(md);
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_NE(st.message().find("row group 1 has 2 column chunks"), std::string::npos)
      << st.ToString();

  md = RichMetadata();
  md.schema[0].num_children = 4;  // more children than elements
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.schema[0].num_children = 2;  // an element left over after the tree
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.schema[1].num_children = 1;  // a primitive with children
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.schema[0].type = Type::kInt32;  // the root must be a group
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.schema.clear();
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.row_groups[0].columns[2].meta_data->total_compressed_size = -5;
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.row_groups[0].columns[0].meta_data->data_page_offset = -1;
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());

  md = RichMetadata();
  md.row_groups[0].num_rows = -10;
  EXPECT_TRUE(DecodeStatus(md).IsInvalid());
}

TEST(MetadataTest, RejectsMissingRequiredFieldsAndWrongWireTypes) {
  // FileMetaData with only version = 1.
  std::string only_version = FromHex("150200");
  Status st = DecodeFileMetaData(U8(only_version), only_version.size()).status();
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_NE(st.message().find("missing required field 'schema'"), std::string::npos)
      << st.ToString();
  // version as a binary is skipped like an unknown field, so it is missing.
  std::string wrong_type = FromHex("18026869" "00");
  st = DecodeFileMetaData(U8(wrong_type), wrong_type.size()).status();
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_NE(st.message().find("missing required field 'version'"), std::string::npos)
      << st.ToString();
  // version out of i32 range as an i64.
  std::string too_big = FromHex("1680808080800100");
  EXPECT_TRUE(DecodeFileMetaData(U8(too_big), too_big.size()).status().IsInvalid());
}

TEST(MetadataTest, MemoryBudgetStopsTinyElementsFromExploding) {
  // A footer whose row group claims 100000 column chunks of one byte (an empty struct) each.
  std::string bytes = FromHex("1502" "191c" "4800" "00" "1600" "191c" "19fc");
  bytes += "\xa0\x8d\x06";  // list size 100000
  bytes.append(100000, '\0');
  MetadataLimits limits;
  limits.max_decoded_bytes = 1 << 20;
  Status st = DecodeFileMetaData(U8(bytes), bytes.size(), limits).status();
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_NE(st.message().find("bytes of memory"), std::string::npos) << st.ToString();
}

TEST(MetadataTest, RejectsInconsistentPageHeaders) {
  auto decode = [](const PageHeader& h) {
    std::string bytes = EncodePageHeader(h);
    size_t len;
    return DecodePageHeader(U8(bytes), bytes.size(), &len).status();
  };
  PageHeader h;
  h.type = PageType::kDataPage;
  h.uncompressed_page_size = 10;
  h.compressed_page_size = 10;
  EXPECT_TRUE(decode(h).IsInvalid());  // no data_page_header
  h.data_page_header = DataPageHeader{};
  EXPECT_OK(decode(h));
  h.compressed_page_size = -1;
  EXPECT_TRUE(decode(h).IsInvalid());
  h.compressed_page_size = 10;
  h.data_page_header->num_values = -3;
  EXPECT_TRUE(decode(h).IsInvalid());

  PageHeader v2;
  v2.type = PageType::kDataPageV2;
  v2.uncompressed_page_size = 10;
  v2.compressed_page_size = 10;
  v2.data_page_header_v2 = DataPageHeaderV2{5, 6, 5, Encoding::kPlain, 0, 0, true, {}};
  EXPECT_TRUE(decode(v2).IsInvalid());  // more nulls than values
  v2.data_page_header_v2->num_nulls = 0;
  v2.data_page_header_v2->definition_levels_byte_length = 8;
  v2.data_page_header_v2->repetition_levels_byte_length = 8;
  EXPECT_TRUE(decode(v2).IsInvalid());  // levels longer than the page
  v2.data_page_header_v2->repetition_levels_byte_length = 2;
  EXPECT_OK(decode(v2));

  PageHeader dict;
  dict.type = PageType::kDictionaryPage;
  EXPECT_TRUE(decode(dict).IsInvalid());

  PageHeader index;
  index.type = PageType::kIndexPage;
  EXPECT_OK(decode(index));
}

TEST(MetadataTest, KeepsUnknownEnumValuesAndSkipsUnknownFields) {
  FileMetaData md = RichMetadata();
  md.row_groups[0].columns[0].meta_data->encodings.push_back(static_cast<Encoding>(10));
  std::string bytes = EncodeFileMetaData(md);
  // Append an unknown field 30 (a list of structs) before the final stop byte.
  bytes.pop_back();
  bytes += FromHex("09" "3c" "1c" "11" "1800" "00" "00");
  bytes += '\0';
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
  EXPECT_EQ(back.row_groups[0].columns[0].meta_data->encodings.back(),
            static_cast<Encoding>(10));
  EXPECT_EQ(EncodingName(static_cast<Encoding>(10)), "UNKNOWN(10)");
}

TEST(MetadataTest, SkipsOptionalFieldsWithTheWrongWireType) {
  // parquet-mr 1.12 pre-releases wrote a list as ColumnMetaData field 15 (now an i32), and
  // other readers skip it; so do we.
  FileMetaData md = RichMetadata();
  ColumnMetaData& cmd = *md.row_groups[0].columns[0].meta_data;
  cmd.bloom_filter_length.reset();
  cmd.bloom_filter_offset.reset();
  cmd.encoding_stats = {{PageType::kDataPage, Encoding::kPlain, 12345}};
  std::string bytes = EncodeFileMetaData(md);
  // This column's metadata now ends with encoding_stats' count 12345 (zigzag varint F2 C0 01),
  // then the stop bytes of that element and of ColumnMetaData. Field 15 goes before the latter.
  std::string marker("\x15\xf2\xc0\x01\x00\x00", 6);
  size_t at = bytes.find(marker);
  ASSERT_NE(at, std::string::npos);
  bytes.insert(at + 5, FromHex("291502"));
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
  EXPECT_FALSE(back.row_groups[0].columns[0].meta_data->bloom_filter_length.has_value());
  EXPECT_EQ(back.row_groups[0].columns[0].meta_data->encoding_stats[0].count, 12345);

  // An optional struct (data_page_header) sent as an i32 is left unset.
  std::string page = FromHex("1504" "1514" "1514" "250e" "2c" "1502" "1500" "00" "00");
  size_t len;
  ASSERT_OK_AND_ASSIGN(PageHeader h, DecodePageHeader(U8(page), page.size(), &len));
  EXPECT_EQ(len, page.size());
  EXPECT_FALSE(h.data_page_header.has_value());
  EXPECT_EQ(h.dictionary_page_header->num_values, 1);
}

TEST(MetadataTest, AcceptsEmptyListsWithoutAnElementType) {
  // hyparquet-writer writes a file without rows with row_groups as an empty list of type 0.
  FileMetaData md;
  SchemaElement root;
  root.name = "r";
  root.num_children = 1;
  SchemaElement leaf;
  leaf.name = "x";
  leaf.type = Type::kInt32;
  md.schema = {root, leaf};
  std::string bytes = EncodeFileMetaData(md);
  ASSERT_EQ(bytes.substr(bytes.size() - 3), std::string("\x19\x0c\x00", 3));
  bytes[bytes.size() - 2] = '\0';
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
  EXPECT_TRUE(back.row_groups.empty());
}

TEST(MetadataTest, EnumNamesAreTheSpecs) {
  EXPECT_EQ(TypeName(Type::kFixedLenByteArray), "FIXED_LEN_BYTE_ARRAY");
  EXPECT_EQ(TypeName(static_cast<Type>(8)), "UNKNOWN(8)");
  EXPECT_EQ(ConvertedTypeName(ConvertedType::kTimestampMicros), "TIMESTAMP_MICROS");
  EXPECT_EQ(RepetitionName(FieldRepetitionType::kRepeated), "REPEATED");
  EXPECT_EQ(EncodingName(Encoding::kRleDictionary), "RLE_DICTIONARY");
  EXPECT_EQ(EncodingName(static_cast<Encoding>(1)), "UNKNOWN(1)");  // GROUP_VAR_INT, never used
  EXPECT_EQ(EncodingName(static_cast<Encoding>(-3)), "UNKNOWN(-3)");
  EXPECT_EQ(CodecName(CompressionCodec::kLz4Raw), "LZ4_RAW");
  EXPECT_EQ(PageTypeName(PageType::kDataPageV2), "DATA_PAGE_V2");
  EXPECT_EQ(FixedTypeWidth(Type::kInt96), 12);
  EXPECT_EQ(FixedTypeWidth(Type::kByteArray), 0);
}

TEST(MetadataTest, FlagsEncryptedColumnsAndFooters) {
  FileMetaData md = RichMetadata();
  std::string bytes = EncodeFileMetaData(md);
  bytes.pop_back();
  // encryption_algorithm (field 8, struct) holding AES_GCM_V1 (an empty struct).
  bytes += FromHex("1c" "1c00" "00");
  bytes += '\0';
  ASSERT_OK_AND_ASSIGN(FileMetaData back, DecodeFileMetaData(U8(bytes), bytes.size()));
  EXPECT_TRUE(back.encrypted);
}

TEST(MetadataTest, DecodesTheSampleFileFooter) {
  BB_SAMPLE_OR_SKIP(path, "userdata.parquet");
  std::string file = testing::ReadFileOrDie(path);
  ASSERT_GT(file.size(), 12u);
  uint32_t len;
  std::memcpy(&len, file.data() + file.size() - 8, 4);
  ASSERT_LE(len, file.size() - 12);
  ASSERT_OK_AND_ASSIGN(FileMetaData md,
                       DecodeFileMetaData(U8(file) + file.size() - 8 - len, len));
  EXPECT_GT(md.num_rows, 0);
  EXPECT_GT(CountLeafColumns(md.schema), 0);
}

}  // namespace
}  // namespace bundlebase::parquet
