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

// One thread's run of a pipeline's operator chain: pushes batches through the operators into
// the sink, honouring operators that hand out their output in parts (has_more_output) and the
// end-of-stream call (FinishStream).
class ChainRunner {
 public:
  ChainRunner(ThreadContext& tc, const Pipeline& p, GlobalSinkState& sink_state,
              LocalSinkState& local_sink, std::vector<std::unique_ptr<OperatorState>>& states)
      : tc_(tc), p_(p), sink_state_(sink_state), local_sink_(local_sink), states_(states),
        profile_(tc.query().options().profile) {}

  bool stopped() const { return stop_; }

  // Pushes `batch` into operator i (the sink when i is past the last operator).
  Status Push(size_t i, const RecordBatchPtr& batch) {
    if (!batch) return Status::OK();
    if (i == p_.operators.size()) {
      if (batch->num_rows() == 0) return Status::OK();
      return Timed(profile_, *p_.sink, [&] {
        return p_.sink->Consume(tc_, batch, sink_state_, local_sink_);
      });
    }
    BB_ASSIGN_OR_RAISE(RecordBatchPtr out, Execute(i, batch));
    return Forward(i, std::move(out));
  }

  // After the source is exhausted: every operator's FinishStream output, in chain order.
  Status Finish() {
    for (size_t i = 0; i < p_.operators.size(); ++i) {
      const PhysicalOperator* op = p_.operators[i];
      BB_ASSIGN_OR_RAISE(RecordBatchPtr out, Timed(profile_, *op, [&] {
                           return op->FinishStream(tc_, *states_[i]);
                         }));
      if (out) op->rows_out.fetch_add(out->num_rows(), std::memory_order_relaxed);
      BB_RETURN_NOT_OK(Forward(i, std::move(out)));
    }
    return Status::OK();
  }

 private:
  Result<RecordBatchPtr> Execute(size_t i, const RecordBatchPtr& batch) {
    const PhysicalOperator* op = p_.operators[i];
    BB_ASSIGN_OR_RAISE(RecordBatchPtr out, Timed(profile_, *op, [&] {
                         return op->Execute(tc_, batch, *states_[i]);
                       }));
    if (out) op->rows_out.fetch_add(out->num_rows(), std::memory_order_relaxed);
    if (states_[i]->finished) stop_ = true;
    return out;
  }

  // Passes operator i's output on, then the rest of its output while it has more.
  Status Forward(size_t i, RecordBatchPtr out) {
    while (true) {
      const bool more = states_[i]->has_more_output;
      BB_RETURN_NOT_OK(Push(i + 1, out));
      if (!more || tc_.query().cancelled()) return Status::OK();
      BB_ASSIGN_OR_RAISE(out, Execute(i, nullptr));
    }
  }

  ThreadContext& tc_;
  const Pipeline& p_;
  GlobalSinkState& sink_state_;
  LocalSinkState& local_sink_;
  std::vector<std::unique_ptr<OperatorState>>& states_;
  const bool profile_;
  bool stop_ = false;
};

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
  ChainRunner chain(tc, p, sink_state, *local_sink, states);
  auto keep_going = [&] {
    return !chain.stopped() && !ctx.cancelled() &&
           !sink_state.finished.load(std::memory_order_relaxed);
  };
  while (keep_going()) {
    BB_ASSIGN_OR_RAISE(RecordBatchPtr batch,
                       Timed(profile, *p.source, [&] {
                         return p.source->Produce(tc, source_state, *local_source);
                       }));
    if (!batch) break;
    p.source->rows_out.fetch_add(batch->num_rows(), std::memory_order_relaxed);
    BB_RETURN_NOT_OK(chain.Push(0, batch));
  }
  if (keep_going()) BB_RETURN_NOT_OK(chain.Finish());
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
