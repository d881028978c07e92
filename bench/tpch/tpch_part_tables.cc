// The part and partsupp tables (specification clause 4.2.3).
#include <array>
#include <string>

#include "tpch_batch.h"
#include "tpch_random.h"
#include "tpch_rules.h"
#include "tpch_tables.h"
#include "tpch_text.h"
#include "tpch_words.h"

namespace bundlebase::tpch {
namespace {

constexpr int kColorsPerName = 5;

// p_name: five distinct colour words separated by single spaces.
void AppendPartName(RowRandom& random, std::string& out) {
  const auto colors = PartColors();
  std::array<int64_t, kColorsPerName> chosen{};
  for (int i = 0; i < kColorsPerName; ++i) {
    bool repeated = true;
    while (repeated) {
      chosen[i] = random.Uniform(0, static_cast<int64_t>(colors.size()) - 1);
      repeated = false;
      for (int j = 0; j < i; ++j) repeated = repeated || chosen[j] == chosen[i];
    }
    if (i > 0) out.push_back(' ');
    out.append(colors[chosen[i]]);
  }
}

}  // namespace

Result<RecordBatchPtr> GenerateParts(const TpchScale&, int64_t first_row, int64_t rows) {
  const TextPool& text = SharedTextPool();
  Int64Builder key(Int64());
  BinaryBuilder name, manufacturer, brand, type, container, comment;
  Int32Builder size(Int32());
  Decimal128Builder price(MoneyType());
  std::string scratch;
  for (int64_t row = first_row; row < first_row + rows; ++row) {
    RowRandom random(Stream::kPart, row);
    const int64_t part_key = row + 1;
    BB_RETURN_NOT_OK(key.Append(part_key));
    scratch.clear();
    AppendPartName(random, scratch);
    BB_RETURN_NOT_OK(name.Append(scratch));
    const int64_t manufacturer_number = random.Uniform(1, 5);
    scratch = "Manufacturer#" + std::to_string(manufacturer_number);
    BB_RETURN_NOT_OK(manufacturer.Append(scratch));
    scratch = "Brand#" + std::to_string(manufacturer_number * 10 + random.Uniform(1, 5));
    BB_RETURN_NOT_OK(brand.Append(scratch));
    scratch.assign(PickWord(PartTypeSizes(), random));
    scratch.push_back(' ');
    scratch.append(PickWord(PartTypeFinishes(), random));
    scratch.push_back(' ');
    scratch.append(PickWord(PartTypeMaterials(), random));
    BB_RETURN_NOT_OK(type.Append(scratch));
    BB_RETURN_NOT_OK(size.Append(static_cast<int32_t>(random.Uniform(1, 50))));
    scratch.assign(PickWord(ContainerSizes(), random));
    scratch.push_back(' ');
    scratch.append(PickWord(ContainerKinds(), random));
    BB_RETURN_NOT_OK(container.Append(scratch));
    BB_RETURN_NOT_OK(price.Append(RetailPriceCents(part_key)));
    BB_RETURN_NOT_OK(comment.Append(text.Comment(random, 5, 22)));
  }
  return FinishBatch(PartSchema(), {&key, &name, &manufacturer, &brand, &type, &size,
                                    &container, &price, &comment});
}

Result<RecordBatchPtr> GeneratePartSupps(const TpchScale& scale, int64_t first_part_row,
                                         int64_t part_rows) {
  const TextPool& text = SharedTextPool();
  const int64_t suppliers = scale.suppliers();
  Int64Builder part(Int64()), supplier(Int64()), available(Int64());
  Decimal128Builder cost(MoneyType());
  BinaryBuilder comment;
  for (int64_t row = first_part_row; row < first_part_row + part_rows; ++row) {
    RowRandom random(Stream::kPartSupp, row);
    const int64_t part_key = row + 1;
    for (int i = 0; i < TpchScale::kSuppliersPerPart; ++i) {
      BB_RETURN_NOT_OK(part.Append(part_key));
      BB_RETURN_NOT_OK(supplier.Append(SupplierOfPart(part_key, i, suppliers)));
      BB_RETURN_NOT_OK(available.Append(random.Uniform(1, 9'999)));
      BB_RETURN_NOT_OK(cost.Append(random.Uniform(100, 100'000)));
      BB_RETURN_NOT_OK(comment.Append(text.Comment(random, 49, 198)));
    }
  }
  return FinishBatch(PartSuppSchema(), {&part, &supplier, &available, &cost, &comment});
}

}  // namespace bundlebase::tpch
