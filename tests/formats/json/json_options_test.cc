// JsonReadOptions validation and the JSON options of sources.
#include "formats/json/json_options.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bundlebase::json {
namespace {

TEST(JsonOptionsTest, SourceOptions) {
  JsonReadOptions options;
  ASSERT_OK(SetJsonSourceOption(&options, "json_record_path", " results.items "));
  ASSERT_OK(SetJsonSourceOption(&options, "json_sep", "."));
  ASSERT_OK(SetJsonSourceOption(&options, "json_meta", "total, page.number,,"));
  EXPECT_EQ(options.record_path, "results.items");
  EXPECT_EQ(options.sep, ".");
  EXPECT_EQ(options.meta, (std::vector<std::string>{"total", "page.number"}));
  EXPECT_TRUE(options.flatten_enabled());
  ASSERT_OK(SetJsonSourceOption(&options, "json_record_path", ""));
  EXPECT_EQ(options.record_path, "");
  Status unknown = SetJsonSourceOption(&options, "json_path", "x");
  EXPECT_TRUE(unknown.IsKeyError());
  EXPECT_EQ(unknown.message(),
            "unknown JSON option 'json_path' (expected json_record_path, json_sep or json_meta)");
}

TEST(JsonOptionsTest, FlattenDefaultsToRecordPathMode) {
  JsonReadOptions options;
  EXPECT_FALSE(options.flatten_enabled());
  options.record_path = "";
  EXPECT_TRUE(options.flatten_enabled());
  options.flatten = false;
  EXPECT_FALSE(options.flatten_enabled());
}

TEST(JsonOptionsTest, Validation) {
  JsonReadOptions options;
  EXPECT_OK(options.Validate());
  options.meta = {"total"};
  EXPECT_EQ(options.Validate().message(),
            "json_meta needs json_record_path: meta fields sit outside the records array");
  options.record_path = "items";
  EXPECT_OK(options.Validate());
  options.format = JsonFormat::kLines;
  EXPECT_EQ(options.Validate().message(),
            "json_record_path needs one JSON document; it cannot be used with JSON lines");
  JsonReadOptions sizes;
  sizes.block_size = 0;
  EXPECT_FALSE(sizes.Validate().ok());
  sizes.block_size = 1;
  sizes.max_depth = 0;
  EXPECT_FALSE(sizes.Validate().ok());
}

}  // namespace
}  // namespace bundlebase::json
