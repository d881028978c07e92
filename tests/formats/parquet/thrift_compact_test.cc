// Thrift compact protocol: known byte vectors, writer/reader round trips, skipping unknown
// fields of every type, and hostile inputs (truncation, lying lengths, deep nesting).
#include "formats/parquet/thrift_compact.h"

#include <list>
#include <string>
#include <vector>

#include "test_util.h"

namespace bundlebase::parquet {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

// The reader does not own its input: keep every test input alive until the test binary exits.
ThriftCompactReader ReaderOf(std::string s, const ThriftLimits& limits = {}) {
  static std::list<std::string> inputs;
  const std::string& kept = inputs.emplace_back(std::move(s));
  return ThriftCompactReader(reinterpret_cast<const uint8_t*>(kept.data()), kept.size(), limits);
}

TEST(ThriftCompactTest, KnownFieldHeadersAndValues) {
  // struct { 1: i32 = -1, 2: bool = true, 20: i64 = 300, 21: binary = "hi" }
  std::string in = Bytes({0x15, 0x01, 0x11, 0x06, 0x28, 0xD8, 0x04, 0x18, 0x02, 'h', 'i',
                          0x00});
  auto r = ReaderOf(in);
  ASSERT_OK(r.ReadStructBegin());
  ThriftType type;
  int16_t id;
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kI32);
  EXPECT_EQ(id, 1);
  int32_t i32;
  ASSERT_OK(r.ReadI32(&i32));
  EXPECT_EQ(i32, -1);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kBoolTrue);
  EXPECT_EQ(id, 2);
  bool b = false;
  ASSERT_OK(r.ReadBool(&b));
  EXPECT_TRUE(b);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kI64);
  EXPECT_EQ(id, 20);  // long form: zigzag(20) = 40 = 0x28
  int64_t i64;
  ASSERT_OK(r.ReadI64(&i64));
  EXPECT_EQ(i64, 300);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kBinary);
  EXPECT_EQ(id, 21);
  std::string_view s;
  ASSERT_OK(r.ReadBinary(&s));
  EXPECT_EQ(s, "hi");
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kStop);
  ASSERT_OK(r.ReadStructEnd());
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ThriftCompactTest, WriterProducesTheSpecBytes) {
  std::string out;
  ThriftCompactWriter w(&out);
  w.WriteStructBegin();
  w.WriteI32Field(1, -1);
  w.WriteBoolField(2, true);
  w.WriteI64Field(20, 300);
  w.WriteBinaryField(21, "hi");
  w.WriteStructEnd();
  EXPECT_EQ(out, Bytes({0x15, 0x01, 0x11, 0x06, 0x28, 0xD8, 0x04, 0x18, 0x02, 'h', 'i',
                        0x00}));
}

TEST(ThriftCompactTest, RoundTripEveryType) {
  std::string out;
  ThriftCompactWriter w(&out);
  w.WriteStructBegin();
  w.WriteI8Field(1, -7);
  w.WriteI16Field(2, -32768);
  w.WriteI32Field(3, std::numeric_limits<int32_t>::min());
  w.WriteI64Field(4, std::numeric_limits<int64_t>::min());
  w.WriteDoubleField(5, 2.5);
  w.WriteBoolField(6, false);
  w.WriteFieldHeader(ThriftType::kList, 7);
  w.WriteListHeader(ThriftType::kI32, 20);
  for (int i = 0; i < 20; ++i) w.WriteI32(i * 1000 - 5);
  w.WriteFieldHeader(ThriftType::kList, 8);
  w.WriteListHeader(ThriftType::kBoolTrue, 3);
  w.WriteBool(true);
  w.WriteBool(false);
  w.WriteBool(true);
  w.WriteFieldHeader(ThriftType::kStruct, 300);
  w.WriteStructBegin();
  w.WriteI32Field(1, 42);
  w.WriteStructEnd();
  w.WriteI32Field(301, 7);  // the inner struct must not disturb the outer field ids
  w.WriteStructEnd();

  auto r = ReaderOf(out);
  ASSERT_OK(r.ReadStructBegin());
  ThriftType type;
  int16_t id;
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  int8_t i8;
  ASSERT_OK(r.ReadI8(&i8));
  EXPECT_EQ(i8, -7);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  int16_t i16;
  ASSERT_OK(r.ReadI16(&i16));
  EXPECT_EQ(i16, -32768);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  int32_t i32;
  ASSERT_OK(r.ReadI32(&i32));
  EXPECT_EQ(i32, std::numeric_limits<int32_t>::min());
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  int64_t i64;
  ASSERT_OK(r.ReadI64(&i64));
  EXPECT_EQ(i64, std::numeric_limits<int64_t>::min());
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  double d;
  ASSERT_OK(r.ReadDouble(&d));
  EXPECT_EQ(d, 2.5);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kBoolFalse);
  bool b = true;
  ASSERT_OK(r.ReadBool(&b));
  EXPECT_FALSE(b);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(id, 7);
  ThriftType elem;
  int32_t size;
  ASSERT_OK(r.ReadListHeader(&elem, &size));
  EXPECT_EQ(elem, ThriftType::kI32);
  ASSERT_EQ(size, 20);
  for (int i = 0; i < 20; ++i) {
    ASSERT_OK(r.ReadI32(&i32));
    EXPECT_EQ(i32, i * 1000 - 5);
  }
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  ASSERT_OK(r.ReadListHeader(&elem, &size));
  ASSERT_EQ(size, 3);
  std::vector<bool> bools;
  for (int i = 0; i < 3; ++i) {
    ASSERT_OK(r.ReadBool(&b));
    bools.push_back(b);
  }
  EXPECT_EQ(bools, (std::vector<bool>{true, false, true}));
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kStruct);
  EXPECT_EQ(id, 300);
  ASSERT_OK(r.ReadStructBegin());
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(id, 1);
  ASSERT_OK(r.ReadI32(&i32));
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kStop);
  ASSERT_OK(r.ReadStructEnd());
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(id, 301);
  ASSERT_OK(r.ReadI32(&i32));
  EXPECT_EQ(i32, 7);
  ASSERT_OK(r.ReadFieldHeader(&type, &id));
  EXPECT_EQ(type, ThriftType::kStop);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ThriftCompactTest, SkipsEveryTypeIncludingNestedContainers) {
  std::string out;
  ThriftCompactWriter w(&out);
  w.WriteStructBegin();
  w.WriteBoolField(1, true);
  w.WriteI8Field(2, 1);
  w.WriteI16Field(3, 1);
  w.WriteI32Field(4, 1);
  w.WriteI64Field(5, 1);
  w.WriteDoubleField(6, 1);
  w.WriteBinaryField(7, "abc");
  w.WriteFieldHeader(ThriftType::kList, 8);
  w.WriteListHeader(ThriftType::kList, 2);
  w.WriteListHeader(ThriftType::kBinary, 1);
  w.WriteBinary("x");
  w.WriteListHeader(ThriftType::kBoolTrue, 2);
  w.WriteBool(true);
  w.WriteBool(false);
  w.WriteFieldHeader(ThriftType::kSet, 9);
  w.WriteListHeader(ThriftType::kDouble, 1);
  w.WriteDouble(3);
  w.WriteFieldHeader(ThriftType::kMap, 10);
  w.WriteMapHeader(ThriftType::kBinary, ThriftType::kStruct, 2);
  for (int i = 0; i < 2; ++i) {
    w.WriteBinary("k");
    w.WriteStructBegin();
    w.WriteI32Field(1, i);
    w.WriteStructEnd();
  }
  w.WriteFieldHeader(ThriftType::kMap, 11);
  w.WriteMapHeader(ThriftType::kI32, ThriftType::kI32, 0);
  w.WriteFieldHeader(ThriftType::kUuid, 12);
  out.append(16, '\x11');
  w.WriteI32Field(13, 99);
  w.WriteStructEnd();
  out.push_back('\x7f');  // a trailing byte the skip must not touch

  auto r = ReaderOf(out);
  ASSERT_OK(r.ReadStructBegin());
  int32_t last = 0;
  while (true) {
    ThriftType type;
    int16_t id;
    ASSERT_OK(r.ReadFieldHeader(&type, &id));
    if (type == ThriftType::kStop) break;
    if (id == 13) {
      ASSERT_OK(r.ReadI32(&last));
    } else {
      ASSERT_OK(r.Skip(type));
    }
  }
  EXPECT_EQ(last, 99);
  EXPECT_EQ(r.remaining(), 1u);

  // Skipping the whole thing as one struct lands in the same place.
  auto r2 = ReaderOf(out);
  ASSERT_OK(r2.Skip(ThriftType::kStruct));
  EXPECT_EQ(r2.remaining(), 1u);
}

TEST(ThriftCompactTest, EveryTruncationIsAnError) {
  std::string out;
  ThriftCompactWriter w(&out);
  w.WriteStructBegin();
  w.WriteI64Field(1, 1LL << 50);
  w.WriteBinaryField(2, "hello");
  w.WriteFieldHeader(ThriftType::kList, 3);
  w.WriteListHeader(ThriftType::kDouble, 2);
  w.WriteDouble(1);
  w.WriteDouble(2);
  w.WriteStructEnd();
  for (size_t n = 0; n < out.size(); ++n) {
    std::string cut = out.substr(0, n);
    auto r = ReaderOf(cut);
    Status st = r.Skip(ThriftType::kStruct);
    EXPECT_TRUE(st.IsInvalid()) << "prefix " << n << ": " << st.ToString();
  }
  auto r = ReaderOf(out);
  EXPECT_OK(r.Skip(ThriftType::kStruct));
}

TEST(ThriftCompactTest, RejectsLyingLengths) {
  // Binary claiming 1000 bytes with 2 present.
  auto r1 = ReaderOf(Bytes({0xE8, 0x07, 'a', 'b'}));
  std::string_view s;
  EXPECT_TRUE(r1.ReadBinary(&s).IsInvalid());
  // A list of 2^31-1 i32s in 3 bytes.
  auto r2 = ReaderOf(Bytes({0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00, 0x00}));
  ThriftType elem;
  int32_t size;
  EXPECT_TRUE(r2.ReadListHeader(&elem, &size).IsInvalid());
  // A list size past int32.
  auto r3 = ReaderOf(Bytes({0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F}));
  EXPECT_TRUE(r3.ReadListHeader(&elem, &size).IsInvalid());
  // Doubles need 8 bytes each.
  auto r4 = ReaderOf(Bytes({0x27, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  EXPECT_TRUE(r4.ReadListHeader(&elem, &size).IsInvalid());
  // A map of 100 entries in 5 bytes.
  auto r5 = ReaderOf(Bytes({0x64, 0x55, 0, 0, 0, 0}));
  ThriftType key, value;
  EXPECT_TRUE(r5.ReadMapHeader(&key, &value, &size).IsInvalid());
}

TEST(ThriftCompactTest, EnforcesConfiguredLimits) {
  ThriftLimits limits;
  limits.max_string_size = 3;
  limits.max_container_size = 2;
  auto r1 = ReaderOf(Bytes({0x04, 'a', 'b', 'c', 'd'}), limits);
  std::string_view s;
  EXPECT_TRUE(r1.ReadBinary(&s).IsInvalid());
  auto r2 = ReaderOf(Bytes({0x35, 1, 2, 3}), limits);
  ThriftType elem;
  int32_t size;
  EXPECT_TRUE(r2.ReadListHeader(&elem, &size).IsInvalid());
  auto r3 = ReaderOf(Bytes({0x25, 1, 2}), limits);
  EXPECT_OK(r3.ReadListHeader(&elem, &size));
}

TEST(ThriftCompactTest, RejectsDeepNesting) {
  // 10000 nested structs, each field 1 of the one before: must fail, not overflow the stack.
  std::string deep(10000, '\x1C');
  auto r = ReaderOf(deep);
  EXPECT_TRUE(r.Skip(ThriftType::kStruct).IsInvalid());
  // Nested lists of lists.
  std::string lists(10000, '\x19');
  auto r2 = ReaderOf(lists);
  EXPECT_TRUE(r2.Skip(ThriftType::kList).IsInvalid());
  // ReadStructBegin enforces the same limit for decoders that descend by hand.
  ThriftLimits limits;
  limits.max_depth = 2;
  auto r3 = ReaderOf(deep, limits);
  ASSERT_OK(r3.ReadStructBegin());
  ASSERT_OK(r3.ReadStructBegin());
  EXPECT_TRUE(r3.ReadStructBegin().IsInvalid());
}

TEST(ThriftCompactTest, RejectsBadVarintsAndTypes) {
  // Eleven continuation bytes.
  auto r1 = ReaderOf(std::string(11, '\xFF'));
  int64_t i64;
  EXPECT_TRUE(r1.ReadI64(&i64).IsInvalid());
  // A 32-bit varint with bits past 32.
  auto r2 = ReaderOf(Bytes({0xFF, 0xFF, 0xFF, 0xFF, 0x1F}));
  int32_t i32;
  EXPECT_TRUE(r2.ReadI32(&i32).IsInvalid());
  // An i16 out of range.
  auto r3 = ReaderOf(Bytes({0x80, 0x80, 0x04}));
  int16_t i16;
  EXPECT_TRUE(r3.ReadI16(&i16).IsInvalid());
  // Field type 14 does not exist.
  auto r4 = ReaderOf(Bytes({0x1E}));
  ThriftType type;
  int16_t id;
  EXPECT_TRUE(r4.ReadFieldHeader(&type, &id).IsInvalid());
  // A list of STOP elements.
  auto r5 = ReaderOf(Bytes({0x10}));
  ThriftType elem;
  int32_t size;
  EXPECT_TRUE(r5.ReadListHeader(&elem, &size).IsInvalid());
  // A field id delta past int16.
  auto r6 = ReaderOf(Bytes({0x05, 0xFE, 0xFF, 0x03, 0x00, 0x15, 0x00}));
  ASSERT_OK(r6.ReadStructBegin());
  ASSERT_OK(r6.ReadFieldHeader(&type, &id));
  EXPECT_EQ(id, 32767);
  ASSERT_OK(r6.ReadI32(&i32));
  EXPECT_TRUE(r6.ReadFieldHeader(&type, &id).IsInvalid());
  // A list bool element that is neither 0, 1 nor 2.
  auto r7 = ReaderOf(Bytes({0x11, 0x07}));
  ASSERT_OK(r7.ReadListHeader(&elem, &size));
  bool b;
  EXPECT_TRUE(r7.ReadBool(&b).IsInvalid());
}

TEST(ThriftCompactTest, AcceptsAnyElementTypeInEmptyLists) {
  // hyparquet-writer's empty row_groups list: size 0, element type 0. Nothing is read, so the
  // type cannot matter; type 14 does not exist either. A long-form size of 0 is the same.
  for (const std::string& header : {Bytes({0x00}), Bytes({0x0E}), Bytes({0xF0, 0x00})}) {
    auto r = ReaderOf(header + Bytes({0x15}));
    ThriftType elem;
    int32_t size = -1;
    ASSERT_OK(r.ReadListHeader(&elem, &size));
    EXPECT_EQ(size, 0);
    EXPECT_EQ(r.remaining(), 1u);
    auto skip = ReaderOf(header);
    EXPECT_OK(skip.Skip(ThriftType::kList));
  }
  // With elements, the type must be a real one.
  auto bad = ReaderOf(Bytes({0x1E, 0x00}));
  ThriftType elem;
  int32_t size;
  EXPECT_TRUE(bad.ReadListHeader(&elem, &size).IsInvalid());
}

TEST(ThriftCompactTest, AcceptsLegacyFalseInBoolLists) {
  auto r = ReaderOf(Bytes({0x32, 0x01, 0x02, 0x00}));
  ThriftType elem;
  int32_t size;
  ASSERT_OK(r.ReadListHeader(&elem, &size));
  bool b;
  ASSERT_OK(r.ReadBool(&b));
  EXPECT_TRUE(b);
  ASSERT_OK(r.ReadBool(&b));
  EXPECT_FALSE(b);
  ASSERT_OK(r.ReadBool(&b));
  EXPECT_FALSE(b);
}

}  // namespace
}  // namespace bundlebase::parquet
