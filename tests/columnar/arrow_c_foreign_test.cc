// Importing layouts only other libraries produce (pyarrow's large strings, polars' string
// views and large lists, dictionaries, time32, date64, float16...), structs whose offset Arrow
// applies to the children, malformed arrays, and the release of everything either way.
#include "columnar/arrow_c.h"

#include "foreign_arrow.h"
#include "test_arrays.h"

namespace bundlebase {
namespace {

using testing::ArraySpec;
using testing::Bits;
using testing::Bytes;
using testing::ForeignReleases;
using testing::NodeCount;
using testing::SchemaSpec;
using testing::TextRows;

constexpr std::nullopt_t kNoBuffer = std::nullopt;

// Imports a hand-built array of `schema` and returns its rows as text, or the error. Checks that
// every producer struct was released exactly once by the time the result is gone.
Result<TextRows> Import(const SchemaSpec& schema, const ArraySpec& array) {
  const int before = ForeignReleases();
  Result<TextRows> rows = [&]() -> Result<TextRows> {
    ArrowSchema cs;
    ArrowArray ca;
    testing::MakeForeignSchema(schema, &cs);
    testing::MakeForeignArray(array, &ca);
    BB_ASSIGN_OR_RAISE(ArrayPtr imported, ImportArray(&ca, &cs));
    EXPECT_EQ(ca.release, nullptr);
    EXPECT_EQ(cs.release, nullptr);
    return testing::Texts(*imported);
  }();
  EXPECT_EQ(ForeignReleases(), before + NodeCount(schema) + NodeCount(array));
  return rows;
}

TextRows Rows(const SchemaSpec& schema, const ArraySpec& array) {
  auto rows = Import(schema, array);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  return rows.ok() ? *rows : TextRows{};
}

Status Error(const SchemaSpec& schema, const ArraySpec& array) {
  return Import(schema, array).status();
}

// A 16-byte string view: inline up to 12 bytes, else a reference into data buffer `index`.
std::string View(std::string_view s, int32_t index = 0, int32_t offset = 0) {
  std::string view(16, '\0');
  const auto size = static_cast<int32_t>(s.size());
  std::memcpy(view.data(), &size, 4);
  if (size <= 12) {
    std::memcpy(view.data() + 4, s.data(), s.size());
  } else {
    std::memcpy(view.data() + 4, s.data(), 4);
    std::memcpy(view.data() + 8, &index, 4);
    std::memcpy(view.data() + 12, &offset, 4);
  }
  return view;
}

TEST(ArrowCForeignTest, LargeStringsKeepTheirData) {
  // ["foo", NULL, "hello"] from row 1
  ArraySpec array =
      ArraySpec(2, {Bits({1, 0, 1}), Bytes<int64_t>({0, 3, 3, 8}), "foohello"}).At(1);
  EXPECT_EQ(Rows(SchemaSpec("U"), array), (TextRows{"NULL", "hello"}));
  ArrowSchema cs;
  ArrowArray ca;
  testing::MakeForeignSchema(SchemaSpec("U"), &cs);
  testing::MakeForeignArray(array, &ca);
  const auto* data = static_cast<const uint8_t*>(ca.buffers[2]);
  ASSERT_OK_AND_ASSIGN(ArrayPtr imported, ImportArray(&ca, &cs));
  EXPECT_EQ(imported->buffers()[2]->data(), data + 3);  // the bytes are not copied
  EXPECT_EQ(Rows(SchemaSpec("Z"),
                 ArraySpec(2, {kNoBuffer, Bytes<int64_t>({0, 2, 2}), std::string("\0\x01", 2)})),
            (TextRows{"\\x0001", "\\x"}));
}

TEST(ArrowCForeignTest, StringViews) {
  const std::string long_text = "a much longer string value";
  ArraySpec array = ArraySpec(3, {Bits({1, 1, 0, 1}),
                                  View("short") + View(long_text, 0, 2) + View("") +
                                      View("exactly12chr"),
                                  "xx" + long_text, Bytes<int64_t>({28})})
                        .At(1);
  EXPECT_EQ(Rows(SchemaSpec("vu"), array), (TextRows{long_text, "NULL", "exactly12chr"}));
  EXPECT_EQ(Rows(SchemaSpec("vz"), ArraySpec(1, {kNoBuffer, View("ab"), ""})),
            (TextRows{"\\x6162"}));
  ArraySpec outside(1, {kNoBuffer, View(long_text, 0, 5), long_text, Bytes<int64_t>({26})});
  EXPECT_TRUE(Error(SchemaSpec("vu"), outside).IsInvalid());
  outside.buffers[1] = View(long_text, 1, 0);  // there is no buffer 1
  EXPECT_TRUE(Error(SchemaSpec("vu"), outside).IsInvalid());
}

TEST(ArrowCForeignTest, LargeAndFixedSizeLists) {
  ArraySpec items(6, {kNoBuffer, Bytes<int32_t>({1, 2, 3, 4, 5, 6})});
  ArraySpec large = ArraySpec(2, {kNoBuffer, Bytes<int64_t>({0, 2, 2, 5})}, {items}).At(1);
  EXPECT_EQ(Rows(SchemaSpec("+L", "", {SchemaSpec("i", "item")}), large),
            (TextRows{"[]", "[3, 4, 5]"}));
  large.buffers[1] = Bytes<int64_t>({0, 2, 2, 7});  // past the 6 items
  EXPECT_TRUE(Error(SchemaSpec("+L", "", {SchemaSpec("i")}), large).IsInvalid());

  ArraySpec fixed(3, {Bits({1, 0, 1})}, {items});
  SchemaSpec pairs("+w:2", "", {SchemaSpec("i", "item")});
  EXPECT_EQ(Rows(pairs, fixed), (TextRows{"[1, 2]", "NULL", "[5, 6]"}));
  fixed.length = 2;
  EXPECT_EQ(Rows(pairs, fixed.At(1)), (TextRows{"NULL", "[5, 6]"}));
  EXPECT_EQ(Rows(SchemaSpec("w:3"), ArraySpec(2, {kNoBuffer, "abcdefghi"}).At(1)),
            (TextRows{"\\x646566", "\\x676869"}));
}

TEST(ArrowCForeignTest, MapsAreListsOfEntries) {
  ArraySpec keys(2, {kNoBuffer, Bytes<int32_t>({0, 1, 2}), "ab"});
  ArraySpec values(2, {kNoBuffer, Bytes<int64_t>({1, 2})});
  ArraySpec entries(2, {kNoBuffer}, {keys, values});
  ArraySpec map(2, {kNoBuffer, Bytes<int32_t>({0, 2, 2})}, {entries});
  SchemaSpec type("+m", "", {SchemaSpec("+s", "entries",
                                        {SchemaSpec("u", "key", {}, 0), SchemaSpec("l", "value")},
                                        0)});
  EXPECT_EQ(Rows(type, map), (TextRows{"[{key: a, value: 1}, {key: b, value: 2}]", "[]"}));
}

TEST(ArrowCForeignTest, ConvertedFixedWidthTypes) {
  EXPECT_EQ(Rows(SchemaSpec("tts"), ArraySpec(2, {kNoBuffer, Bytes<int32_t>({1, 86399})})),
            (TextRows{"00:00:01", "23:59:59"}));
  EXPECT_EQ(Rows(SchemaSpec("ttm"),
                 ArraySpec(2, {Bits({1, 1, 0}), Bytes<int32_t>({0, 1500, 7})}).At(1)),
            (TextRows{"00:00:01.5", "NULL"}));
  EXPECT_EQ(Rows(SchemaSpec("tdm"),
                 ArraySpec(3, {kNoBuffer, Bytes<int64_t>({0, -1, 1767571200000})})),
            (TextRows{"1970-01-01", "1969-12-31", "2026-01-05"}));
  EXPECT_TRUE(
      Error(SchemaSpec("tdm"), ArraySpec(1, {kNoBuffer, Bytes<int64_t>({INT64_MAX})})).IsInvalid());
  EXPECT_EQ(Rows(SchemaSpec("e"), ArraySpec(5, {kNoBuffer, Bytes<uint16_t>({0x3C00, 0xC000, 0x7C00,
                                                                            0x0001, 0x7E00})})),
            (TextRows{"1", "-2", "Infinity", "5.9604645e-08", "NaN"}));
  EXPECT_EQ(Rows(SchemaSpec("tiM"), ArraySpec(1, {kNoBuffer, Bytes<int32_t>({14})})),
            (TextRows{"1 year 2 mons"}));
  EXPECT_EQ(Rows(SchemaSpec("tiD"), ArraySpec(1, {kNoBuffer, Bytes<int32_t>({3, 1500})})),
            (TextRows{"3 days 00:00:01.5"}));
  EXPECT_EQ(Rows(SchemaSpec("d:5,2,32"), ArraySpec(2, {kNoBuffer, Bytes<int32_t>({-1234, 5})})),
            (TextRows{"-12.34", "0.05"}));
  EXPECT_EQ(Rows(SchemaSpec("d:12,3,64"), ArraySpec(1, {kNoBuffer, Bytes<int64_t>({1234567})})),
            (TextRows{"1234.567"}));
}

TEST(ArrowCForeignTest, DictionariesAreDecoded) {
  ArraySpec strings(2, {kNoBuffer, Bytes<int32_t>({0, 1, 3}), "abb"});
  ArraySpec indices =
      ArraySpec(4, {Bits({1, 1, 0, 1}), Bytes<int8_t>({1, 0, 0, 1})}).WithDictionary(strings);
  SchemaSpec type = SchemaSpec::Dictionary("c", SchemaSpec("u"));
  EXPECT_EQ(Rows(type, indices), (TextRows{"bb", "a", "NULL", "bb"}));
  indices.buffers[1] = Bytes<int8_t>({1, 0, 0, 2});
  EXPECT_TRUE(Error(type, indices).IsInvalid());

  // polars' categoricals: uint32 indices into string views.
  ArraySpec categorical = ArraySpec(3, {kNoBuffer, Bytes<uint32_t>({0, 1, 1, 0})})
                              .At(1)
                              .WithDictionary(ArraySpec(2, {kNoBuffer, View("x") + View("y"), ""}));
  EXPECT_EQ(Rows(SchemaSpec::Dictionary("I", SchemaSpec("vu")), categorical),
            (TextRows{"y", "y", "x"}));

  ArraySpec wide = ArraySpec(3, {kNoBuffer, Bytes<int64_t>({1, 0, 0})})
                       .WithDictionary(ArraySpec(2, {Bits({1, 0}), Bytes<int64_t>({42, 0})}));
  EXPECT_EQ(Rows(SchemaSpec::Dictionary("l", SchemaSpec("l")), wide),
            (TextRows{"NULL", "42", "42"}));
}

TEST(ArrowCForeignTest, StructOffsetAppliesToChildren) {
  // Arrow: struct row i is child row (struct offset + i), after the child's own offset.
  ArraySpec child = ArraySpec(3, {kNoBuffer, Bytes<int32_t>({99, 10, 20, 30})}).At(1);
  ArraySpec structs = ArraySpec(2, {Bits({1, 0, 1})}, {child}).At(1);
  SchemaSpec type("+s", "", {SchemaSpec("i", "v")});
  EXPECT_EQ(Rows(type, structs), (TextRows{"NULL", "{v: 30}"}));
  structs.children[0].length = 1;  // too short for the struct's rows
  EXPECT_TRUE(Error(type, structs).IsInvalid());
}

TEST(ArrowCForeignTest, MalformedArraysAreRejectedAndReleased) {
  EXPECT_EQ(Rows(SchemaSpec("n"), ArraySpec(3)), (TextRows{"NULL", "NULL", "NULL"}));
  // A null data buffer that should hold bytes.
  EXPECT_TRUE(Error(SchemaSpec("l"), ArraySpec(2, {kNoBuffer, kNoBuffer})).IsInvalid());
  // Empty arrays may leave every buffer null.
  EXPECT_EQ(Rows(SchemaSpec("u"), ArraySpec(0, {kNoBuffer, kNoBuffer, kNoBuffer})),
            (TextRows{}));
  // Offsets going backwards.
  EXPECT_TRUE(
      Error(SchemaSpec("u"), ArraySpec(2, {kNoBuffer, Bytes<int32_t>({0, 3, 1}), "abc"}))
          .IsInvalid());
  // Too few buffers, a missing child, a negative length.
  EXPECT_TRUE(Error(SchemaSpec("u"), ArraySpec(1, {kNoBuffer})).IsInvalid());
  EXPECT_TRUE(Error(SchemaSpec("+l", "", {SchemaSpec("i")}),
                    ArraySpec(0, {kNoBuffer, Bytes<int32_t>({0})}))
                  .IsInvalid());
  EXPECT_TRUE(Error(SchemaSpec("i"), ArraySpec(-1, {kNoBuffer, ""})).IsInvalid());
  EXPECT_EQ(Error(SchemaSpec("tDs"), ArraySpec(1, {kNoBuffer, Bytes<int64_t>({1})})).code(),
            StatusCode::kNotImplemented);
}

}  // namespace
}  // namespace bundlebase
