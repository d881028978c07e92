// The orders and lineitem tables (specification clause 4.2.3), generated together: each
// order draws its 1..7 lines, and its total price and status are computed from them.
#include <string>

#include "tpch_batch.h"
#include "tpch_random.h"
#include "tpch_rules.h"
#include "tpch_tables.h"
#include "tpch_text.h"
#include "tpch_words.h"

namespace bundlebase::tpch {
namespace {

constexpr int kMaxLinesPerOrder = 7;
// Orders are placed early enough that all their lines ship (up to 121 days later) and arrive
// (30 more) by ENDDATE.
constexpr int32_t kLastOrderDate = kEndDate - 151;

// The builders of one lineitem batch.
struct LineColumns {
  Int64Builder order_key{Int64()}, part_key{Int64()}, supp_key{Int64()}, line_number{Int64()};
  Decimal128Builder quantity{MoneyType()}, extended_price{MoneyType()}, discount{MoneyType()},
      tax{MoneyType()};
  BinaryBuilder return_flag, line_status;
  DateBuilder ship_date{Date32()}, commit_date{Date32()}, receipt_date{Date32()};
  BinaryBuilder ship_instruct, ship_mode, comment;

  Result<RecordBatchPtr> Finish() {
    return FinishBatch(LineitemSchema(),
                       {&order_key, &part_key, &supp_key, &line_number, &quantity,
                        &extended_price, &discount, &tax, &return_flag, &line_status, &ship_date,
                        &commit_date, &receipt_date, &ship_instruct, &ship_mode, &comment});
  }
};

// What an order needs to know about its lines once they are drawn.
struct LineTotals {
  int64_t total_price_cents = 0;
  int shipped = 0;  // lines with status F
  int lines = 0;
};

// Draws one line of the order `order_key` placed on `order_date` and appends it.
Status AppendLine(const TpchScale& scale, RowRandom& random, int64_t order_key,
                  int32_t order_date, int line_number, LineColumns& out, LineTotals& totals) {
  const int64_t part_key = random.Uniform(1, scale.parts());
  const int64_t supp_key =
      SupplierOfPart(part_key, random.Uniform(0, TpchScale::kSuppliersPerPart - 1),
                     scale.suppliers());
  const int64_t quantity = random.Uniform(1, 50);
  const int64_t discount_cents = random.Uniform(0, 10);
  const int64_t tax_cents = random.Uniform(0, 8);
  const int64_t extended_cents = quantity * RetailPriceCents(part_key);
  const auto ship_date = static_cast<int32_t>(order_date + random.Uniform(1, 121));
  const auto commit_date = static_cast<int32_t>(order_date + random.Uniform(30, 90));
  const auto receipt_date = static_cast<int32_t>(ship_date + random.Uniform(1, 30));
  const bool shipped = ship_date <= kCurrentDate;
  std::string_view return_flag = "N";
  if (receipt_date <= kCurrentDate) return_flag = random.Chance(1, 2) ? "R" : "A";

  BB_RETURN_NOT_OK(out.order_key.Append(order_key));
  BB_RETURN_NOT_OK(out.part_key.Append(part_key));
  BB_RETURN_NOT_OK(out.supp_key.Append(supp_key));
  BB_RETURN_NOT_OK(out.line_number.Append(line_number));
  BB_RETURN_NOT_OK(out.quantity.Append(quantity * 100));
  BB_RETURN_NOT_OK(out.extended_price.Append(extended_cents));
  BB_RETURN_NOT_OK(out.discount.Append(discount_cents));
  BB_RETURN_NOT_OK(out.tax.Append(tax_cents));
  BB_RETURN_NOT_OK(out.return_flag.Append(return_flag));
  BB_RETURN_NOT_OK(out.line_status.Append(shipped ? "F" : "O"));
  BB_RETURN_NOT_OK(out.ship_date.Append(ship_date));
  BB_RETURN_NOT_OK(out.commit_date.Append(commit_date));
  BB_RETURN_NOT_OK(out.receipt_date.Append(receipt_date));
  BB_RETURN_NOT_OK(out.ship_instruct.Append(PickWord(ShipInstructions(), random)));
  BB_RETURN_NOT_OK(out.ship_mode.Append(PickWord(ShipModes(), random)));
  BB_RETURN_NOT_OK(out.comment.Append(SharedTextPool().Comment(random, 10, 43)));

  // extendedprice * (1 + tax) * (1 - discount), rounded to the cent.
  const int64_t scaled = extended_cents * (100 + tax_cents) * (100 - discount_cents);
  totals.total_price_cents += (scaled + 5'000) / 10'000;
  totals.shipped += shipped ? 1 : 0;
  ++totals.lines;
  return Status::OK();
}

std::string_view OrderStatus(const LineTotals& totals) {
  if (totals.shipped == totals.lines) return "F";
  if (totals.shipped == 0) return "O";
  return "P";
}

}  // namespace

Result<OrderBatches> GenerateOrders(const TpchScale& scale, int64_t first_row, int64_t rows) {
  const TextPool& text = SharedTextPool();
  Int64Builder key(Int64()), customer(Int64());
  BinaryBuilder status, priority, clerk, comment;
  Decimal128Builder total_price(MoneyType());
  DateBuilder order_date(Date32());
  Int32Builder ship_priority(Int32());
  LineColumns lines;
  std::string scratch;
  for (int64_t row = first_row; row < first_row + rows; ++row) {
    RowRandom random(Stream::kOrders, row);
    const int64_t order_key = OrderKeyOfIndex(row);
    const auto date = static_cast<int32_t>(random.Uniform(kStartDate, kLastOrderDate));
    BB_RETURN_NOT_OK(key.Append(order_key));
    BB_RETURN_NOT_OK(customer.Append(
        OrderingCustomerKey(random.Uniform(1, scale.customers()), scale.customers())));
    BB_RETURN_NOT_OK(order_date.Append(date));
    BB_RETURN_NOT_OK(priority.Append(PickWord(OrderPriorities(), random)));
    scratch.clear();
    AppendNumberedName("Clerk", random.Uniform(1, scale.clerks()), scratch);
    BB_RETURN_NOT_OK(clerk.Append(scratch));
    BB_RETURN_NOT_OK(ship_priority.Append(0));
    BB_RETURN_NOT_OK(comment.Append(text.Comment(random, 19, 78)));

    LineTotals totals;
    const int64_t line_count = random.Uniform(1, kMaxLinesPerOrder);
    for (int line = 1; line <= line_count; ++line) {
      BB_RETURN_NOT_OK(AppendLine(scale, random, order_key, date, line, lines, totals));
    }
    BB_RETURN_NOT_OK(status.Append(OrderStatus(totals)));
    BB_RETURN_NOT_OK(total_price.Append(totals.total_price_cents));
  }
  OrderBatches batches;
  BB_ASSIGN_OR_RAISE(batches.orders,
                     FinishBatch(OrdersSchema(), {&key, &customer, &status, &total_price,
                                                  &order_date, &priority, &clerk, &ship_priority,
                                                  &comment}));
  BB_ASSIGN_OR_RAISE(batches.lineitem, lines.Finish());
  return batches;
}

}  // namespace bundlebase::tpch
