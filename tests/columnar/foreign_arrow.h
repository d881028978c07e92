// Hand-built Arrow C structs, made the way another library (pyarrow, polars) would make them,
// so the tests can feed the importer layouts our own exporter never produces. Every struct
// built here counts its releases, so tests can check each is released exactly once.
#pragma once

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "columnar/arrow_c.h"

namespace bundlebase::testing {

// Release callbacks run by the structs below, since the counter was last reset.
inline int& ForeignReleases() {
  static int count = 0;
  return count;
}

struct SchemaSpec {
  SchemaSpec(std::string format, std::string name = "", std::vector<SchemaSpec> children = {},
             int64_t flags = ARROW_FLAG_NULLABLE)
      : format(std::move(format)), name(std::move(name)), children(std::move(children)),
        flags(flags) {}
  // Dictionary-encoded: `format` gives the indices, `values` the dictionary.
  static SchemaSpec Dictionary(std::string format, SchemaSpec values) {
    SchemaSpec spec(std::move(format));
    spec.dictionary = std::make_shared<SchemaSpec>(std::move(values));
    return spec;
  }

  std::string format;
  std::string name;
  std::vector<SchemaSpec> children;
  std::shared_ptr<SchemaSpec> dictionary;
  int64_t flags = ARROW_FLAG_NULLABLE;
};

// The structs `spec` builds: each is released once, by its parent or (the root) by the consumer.
inline int NodeCount(const SchemaSpec& spec) {
  int n = 1 + (spec.dictionary ? NodeCount(*spec.dictionary) : 0);
  for (const auto& c : spec.children) n += NodeCount(c);
  return n;
}

// Fills `out` from `spec`; the producer-side memory lives until out->release.
inline void MakeForeignSchema(const SchemaSpec& spec, ArrowSchema* out) {
  struct Holder {
    SchemaSpec spec;
    std::vector<ArrowSchema> children;
    std::vector<ArrowSchema*> pointers;
    ArrowSchema dictionary;
  };
  auto* h = new Holder{spec, std::vector<ArrowSchema>(spec.children.size()), {}, {}};
  for (size_t i = 0; i < spec.children.size(); ++i) {
    MakeForeignSchema(spec.children[i], &h->children[i]);
    h->pointers.push_back(&h->children[i]);
  }
  if (spec.dictionary) MakeForeignSchema(*spec.dictionary, &h->dictionary);
  *out = ArrowSchema{h->spec.format.c_str(),
                     h->spec.name.c_str(),
                     nullptr,
                     spec.flags,
                     static_cast<int64_t>(spec.children.size()),
                     h->pointers.data(),
                     spec.dictionary ? &h->dictionary : nullptr,
                     [](ArrowSchema* s) {
                       auto* holder = static_cast<Holder*>(s->private_data);
                       for (auto& c : holder->children) {
                         if (c.release) c.release(&c);
                       }
                       if (s->dictionary && s->dictionary->release) {
                         s->dictionary->release(s->dictionary);
                       }
                       delete holder;
                       s->release = nullptr;
                       ++ForeignReleases();
                     },
                     h};
}

struct ArraySpec {
  explicit ArraySpec(int64_t length, std::vector<std::optional<std::string>> buffers = {},
                     std::vector<ArraySpec> children = {})
      : length(length), buffers(std::move(buffers)), children(std::move(children)) {}
  ArraySpec& At(int64_t new_offset) {
    offset = new_offset;
    return *this;
  }
  ArraySpec& WithDictionary(ArraySpec values) {
    dictionary = std::make_shared<ArraySpec>(std::move(values));
    return *this;
  }

  int64_t length = 0;
  int64_t offset = 0;
  int64_t null_count = -1;
  std::vector<std::optional<std::string>> buffers;  // bytes; nullopt is a null pointer
  std::vector<ArraySpec> children;
  std::shared_ptr<ArraySpec> dictionary;
};

inline int NodeCount(const ArraySpec& spec) {
  int n = 1 + (spec.dictionary ? NodeCount(*spec.dictionary) : 0);
  for (const auto& c : spec.children) n += NodeCount(c);
  return n;
}

inline void MakeForeignArray(const ArraySpec& spec, ArrowArray* out) {
  struct Holder {
    ArraySpec spec;
    std::vector<const void*> buffers;
    std::vector<ArrowArray> children;
    std::vector<ArrowArray*> pointers;
    ArrowArray dictionary;
  };
  auto* h = new Holder{spec, {}, std::vector<ArrowArray>(spec.children.size()), {}, {}};
  for (const auto& b : h->spec.buffers) h->buffers.push_back(b ? b->data() : nullptr);
  for (size_t i = 0; i < spec.children.size(); ++i) {
    MakeForeignArray(spec.children[i], &h->children[i]);
    h->pointers.push_back(&h->children[i]);
  }
  if (spec.dictionary) MakeForeignArray(*spec.dictionary, &h->dictionary);
  *out = ArrowArray{spec.length,
                    spec.null_count,
                    spec.offset,
                    static_cast<int64_t>(h->buffers.size()),
                    static_cast<int64_t>(spec.children.size()),
                    h->buffers.data(),
                    h->pointers.data(),
                    spec.dictionary ? &h->dictionary : nullptr,
                    [](ArrowArray* a) {
                      auto* holder = static_cast<Holder*>(a->private_data);
                      for (auto& c : holder->children) {
                        if (c.release) c.release(&c);
                      }
                      if (a->dictionary && a->dictionary->release) {
                        a->dictionary->release(a->dictionary);
                      }
                      delete holder;
                      a->release = nullptr;
                      ++ForeignReleases();
                    },
                    h};
}

// The bytes of `values` in native byte order.
template <typename T>
std::string Bytes(const std::vector<T>& values) {
  return std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

// A validity (or bool) bitmap, LSB first.
inline std::string Bits(const std::vector<int>& bits) {
  std::string out((bits.size() + 7) / 8, '\0');
  for (size_t i = 0; i < bits.size(); ++i) {
    if (bits[i]) out[i / 8] = static_cast<char>(out[i / 8] | (1 << (i % 8)));
  }
  return out;
}

}  // namespace bundlebase::testing
