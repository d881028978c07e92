// The shared sample files (../shared/test_data), when present beside the repository.
#include <gtest/gtest.h>

#include "csv_test_util.h"

namespace bundlebase::csv {
namespace {

using testing::Cell;
using V = std::vector<std::string>;

TEST(CsvSamplesTest, Customers0To100) {
  BB_SAMPLE_OR_SKIP(path, "customers-0-100.csv");
  ASSERT_OK_AND_ASSIGN(auto b, ReadCsvFile(path));
  EXPECT_EQ(b->num_rows(), 100);
  EXPECT_EQ(b->num_columns(), 12);
  EXPECT_EQ(b->schema()->names(),
            (V{"Index", "Customer Id", "First Name", "Last Name", "Company", "City", "Country",
               "Phone 1", "Phone 2", "Email", "Subscription Date", "Website"}));
  EXPECT_EQ(b->schema()->field(0).type->ToString(), "int64");
  EXPECT_EQ(b->schema()->field(10).type->ToString(), "date32");
  EXPECT_EQ(Cell(*b, 1, 0), "DD37Cf93aecA6Dc");
  EXPECT_EQ(Cell(*b, 4, 3), "Dominguez, Mcmillan and Donovan");
  EXPECT_EQ(Cell(*b, 10, 0), "2020-08-24");
  EXPECT_EQ(Cell(*b, 0, 99), "100");
}

TEST(CsvSamplesTest, Customers101To150) {
  BB_SAMPLE_OR_SKIP(path, "customers-101-150.csv");
  ASSERT_OK_AND_ASSIGN(auto b, ReadCsvFile(path));
  EXPECT_EQ(b->num_rows(), 50);
  EXPECT_EQ(b->num_columns(), 12);
}

TEST(CsvSamplesTest, SalesRegions) {
  BB_SAMPLE_OR_SKIP(path, "sales-regions.csv");
  ASSERT_OK_AND_ASSIGN(auto b, ReadCsvFile(path));
  EXPECT_EQ(b->num_rows(), 84);
  EXPECT_EQ(b->num_columns(), 3);
  EXPECT_EQ(b->schema()->names(), (V{"Country", "Sales Region", "Region Manager"}));
  EXPECT_EQ(Cell(*b, 0, 0), "Chile");
}

TEST(CsvSamplesTest, ProjectionOnSample) {
  BB_SAMPLE_OR_SKIP(path, "customers-0-100.csv");
  CsvReadOptions o;
  o.include_columns = {"email", "Index"};
  ASSERT_OK_AND_ASSIGN(auto b, ReadCsvFile(path, o));
  EXPECT_EQ(b->schema()->names(), (V{"Email", "Index"}));
  EXPECT_EQ(Cell(*b, 0, 0), "zunigavanessa@smith.info");
}

}  // namespace
}  // namespace bundlebase::csv
