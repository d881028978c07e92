// The pipeline executor: builds pipelines from the operator tree, then runs each with
// ThreadPool::ParallelFor (the calling thread takes part), dependencies first.
#include "sql/execution/executor.h"

#include <chrono>
#include <map>
#include <mutex>

#include "base/thread_pool.h"
#include "sql/execution/result_collector.h"

namespace bundlebase::sql {
namespace {

struct Pipeline {
  const PhysicalOperator* source = nullptr;
  std::vector<const PhysicalOperator*> operators;  // in execution order
  const PhysicalOperator* sink = nullptr;
  std::vector<Pipeline*> dependencies;
};

class PipelineBuilder {
 public:
  // Pipelines in an order where every dependency comes first.
  Result<std::vector<Pipeline*>> Build(const PhysicalOperator& root, const PhysicalOperator& sink) {
    Pipeline* top = NewPipeline(&sink);
    BB_RETURN_NOT_OK(Walk(root, top));
    std::vector<Pipeline*> order;
    std::map<Pipeline*, bool> seen;
    AddInOrder(top, &order, &seen);
    return order;
  }

 private:
  Pipeline* NewPipeline(const PhysicalOperator* sink) {
    pipelines_.push_back(std::make_unique<Pipeline>());
    pipelines_.back()->sink = sink;
    return pipelines_.back().get();
  }

  Status AddSinkPipelines(const PhysicalOperator& op, Pipeline* consumer) {
    for (int c : op.sink_children()) {
      Pipeline* below = NewPipeline(&op);
      consumer->dependencies.push_back(below);
      BB_RETURN_NOT_OK(Walk(*op.child(c), below));
    }
    return Status::OK();
  }

  Status Walk(const PhysicalOperator& op, Pipeline* pipeline) {
    if (op.streaming_child() >= 0) {
      pipeline->operators.insert(pipeline->operators.begin(), &op);
      BB_RETURN_NOT_OK(AddSinkPipelines(op, pipeline));
      return Walk(*op.child(op.streaming_child()), pipeline);
    }
    if (op.is_source()) {
      pipeline->source = &op;
      return AddSinkPipelines(op, pipeline);
    }
    return Status::Internal("operator {} can neither produce nor stream batches", op.name());
  }

  void AddInOrder(Pipeline* p, std::vector<Pipeline*>* order, std::map<Pipeline*, bool>* seen) {
    if ((*seen)[p]) return;
    (*seen)[p] = true;
    for (Pipeline* d : p->dependencies) AddInOrder(d, order, seen);
    order->push_back(p);
  }

  std::vector<std::unique_ptr<Pipeline>> pipelines_;
};

int64_t NowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Times one call into an operator when profiling.
template <typename Fn>
auto Timed(bool profile, const PhysicalOperator& op, Fn&& fn) {
  if (!profile) return fn();
  int64_t start = NowNanos();
  auto result = fn();
  op.nanos.fetch_add(NowNanos() - start, std::memory_order_relaxed);
  return result;
}

Status RunThread(ExecutionContext& ctx, const Pipeline& p, GlobalSourceState& source_state,
                 GlobalSinkState& sink_state, int thread_index) {
  ThreadContext tc(ctx, thread_index);
  const bool profile = ctx.options().profile;
  BB_ASSIGN_OR_RAISE(auto local_source, p.source->MakeLocalSourceState(tc, source_state));
  std::vector<std::unique_ptr<OperatorState>> states;
  for (const PhysicalOperator* op : p.operators) {
    BB_ASSIGN_OR_RAISE(auto state, op->MakeOperatorState(tc));
    states.push_back(std::move(state));
  }
  BB_ASSIGN_OR_RAISE(auto local_sink, p.sink->MakeLocalSinkState(tc, sink_state));
  bool stop = false;
  while (!stop && !ctx.cancelled() && !sink_state.finished.load(std::memory_order_relaxed)) {
    BB_ASSIGN_OR_RAISE(RecordBatchPtr batch,
                       Timed(profile, *p.source, [&] {
                         return p.source->Produce(tc, source_state, *local_source);
                       }));
    if (!batch) break;
    p.source->rows_out.fetch_add(batch->num_rows(), std::memory_order_relaxed);
    for (size_t i = 0; i < p.operators.size() && batch; ++i) {
      const PhysicalOperator* op = p.operators[i];
      BB_ASSIGN_OR_RAISE(batch, Timed(profile, *op, [&] {
                           return op->Execute(tc, batch, *states[i]);
                         }));
      if (batch) op->rows_out.fetch_add(batch->num_rows(), std::memory_order_relaxed);
      if (states[i]->finished) stop = true;
    }
    if (!batch || batch->num_rows() == 0) continue;
    BB_RETURN_NOT_OK(Timed(profile, *p.sink, [&] {
      return p.sink->Consume(tc, batch, sink_state, *local_sink);
    }));
  }
  return p.sink->Combine(tc, sink_state, *local_sink);
}

int PipelineThreads(const ExecutionContext& ctx, const Pipeline& p) {
  if (p.source->source_is_ordered()) return 1;
  return ctx.threads();
}

}  // namespace

Result<std::vector<RecordBatchPtr>> ExecutePlan(const PhysicalOperator& plan,
                                                ExecutionContext& ctx) {
  ResultCollector collector(plan.schema());
  PipelineBuilder builder;
  BB_ASSIGN_OR_RAISE(std::vector<Pipeline*> pipelines, builder.Build(plan, collector));

  // How many pipelines feed each sink: it is finalized after the last one.
  std::map<const PhysicalOperator*, int> feeding;
  for (Pipeline* p : pipelines) ++feeding[p->sink];
  std::map<const PhysicalOperator*, std::unique_ptr<GlobalSinkState>> sink_states;

  for (Pipeline* p : pipelines) {
    auto& sink_state = sink_states[p->sink];
    if (!sink_state) {
      BB_ASSIGN_OR_RAISE(sink_state, p->sink->MakeGlobalSinkState(ctx));
    }
    BB_ASSIGN_OR_RAISE(auto source_state, p->source->MakeGlobalSourceState(ctx));
    int threads = PipelineThreads(ctx, *p);
    Status st = ThreadPool::Default().ParallelFor(
        static_cast<size_t>(threads),
        [&](size_t i) {
          Status s = RunThread(ctx, *p, *source_state, *sink_state, static_cast<int>(i));
          if (!s.ok()) ctx.Cancel();
          return s;
        },
        static_cast<size_t>(threads));
    BB_RETURN_NOT_OK(st);
    if (--feeding[p->sink] == 0) {
      BB_RETURN_NOT_OK(p->sink->Finalize(ctx, *sink_state));
      p->sink->set_sink_state(std::move(sink_state));
    }
  }
  return collector.TakeBatches();
}

}  // namespace bundlebase::sql
