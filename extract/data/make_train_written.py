"""Build ``extract/data/train_written.jsonl``: original annotated abstracts written for litkg.

Every title and abstract below was written by hand for litkg (MIT licence); most of the names
in them are invented. Names are marked inline as ``[[text|type]]`` with the type codes

    d = dataset   b = benchmark   m = model   x = method   t = task (negative)   k = metric (negative)

Entries are separated by a blank line: the first line is the title, the remaining lines are the
abstract (joined with single spaces). The script strips the markers, computes character offsets
and checks that

* every span's text matches the stripped text and spans do not overlap;
* no span starts with an article or ends with a head noun ("dataset", "benchmark", "corpus"...);
* every occurrence of every annotated string in a field is covered by an annotated span
  (names are annotated exhaustively; an unannotated name-shaped word means "not a name").

It fails (exit status 1) on any problem. Run from the repository root:

    python extract/data/make_train_written.py            # writes extract/data/train_written.jsonl
    python extract/data/make_train_written.py --check    # validate only, print counts
    python extract/data/make_train_written.py --check --warnings   # also list cross-entry inconsistencies
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

TYPES = {"d": "dataset", "b": "benchmark", "m": "model", "x": "method", "t": "task", "k": "metric"}
_MARK = re.compile(r"\[\[([^\[\]|]+)\|([a-z]+)\]\]")
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_HEAD = re.compile(r"\s+(?:data\s*sets?|datasets?|benchmarks?|corpus|corpora|suite)$", re.IGNORECASE)
OUT = Path(__file__).with_name("train_written.jsonl")

BATCHES: list[str] = []


def batch(text: str) -> None:
    BATCHES.append(text)


def strip_markers(marked: str, where: str) -> tuple[str, list[dict]]:
    """Plain text and entity spans of a marked-up field."""
    out, entities, pos = [], [], 0
    length = 0
    for match in _MARK.finditer(marked):
        chunk = marked[pos:match.start()]
        out.append(chunk)
        length += len(chunk)
        name, code = match.group(1), match.group(2)
        if code not in TYPES:
            raise ValueError(f"{where}: unknown type code {code!r} in {match.group(0)!r}")
        entities.append({"text": name, "type": TYPES[code], "start": length, "end": length + len(name)})
        out.append(name)
        length += len(name)
        pos = match.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text or "|" in text:
        raise ValueError(f"{where}: unbalanced marker in {marked!r}")
    return text, entities


def check(text: str, entities: list[dict], where: str, names: set[str]) -> list[str]:
    """Problems of one field; ``names`` are the strings annotated in either field of the entry."""
    problems = []
    spans = sorted((e["start"], e["end"]) for e in entities)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 < e1:
            problems.append(f"{where}: overlapping spans {text[s1:e1]!r} / {text[s2:e2]!r}")
    for e in entities:
        span = text[e["start"]:e["end"]]
        if span != e["text"]:
            problems.append(f"{where}: span {span!r} != {e['text']!r}")
        if span != span.strip():
            problems.append(f"{where}: span {span!r} has outer whitespace")
        if _LEAD.match(span) or _HEAD.search(span):
            problems.append(f"{where}: span {span!r} has a leading article or trailing head noun")
    covered = [(e["start"], e["end"]) for e in entities]
    for name in names:
        pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])")
        for m in pattern.finditer(text):
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                problems.append(f"{where}: unannotated occurrence of {name!r} at {m.start()}")
    return problems


def build() -> tuple[list[dict], list[str]]:
    rows, problems, seen_titles = [], [], set()
    for b, block in enumerate(BATCHES):
        entries = [e.strip() for e in re.split(r"\n\s*\n", block.strip()) if e.strip()]
        for entry in entries:
            lines = [line.strip() for line in entry.splitlines() if line.strip()]
            where = f"batch {b + 1}, entry {lines[0][:50]!r}"
            if len(lines) < 2:
                problems.append(f"{where}: no abstract")
                continue
            try:
                title, title_entities = strip_markers(lines[0], where + " (title)")
                abstract, entities = strip_markers(" ".join(lines[1:]), where)
            except ValueError as error:
                problems.append(str(error))
                continue
            names = {e["text"] for e in entities} | {e["text"] for e in title_entities}
            problems += check(title, title_entities, where + " (title)", names)
            problems += check(abstract, entities, where, names)
            if title.lower() in seen_titles:
                problems.append(f"{where}: duplicate title")
            seen_titles.add(title.lower())
            row = {"id": f"w{len(rows) + 1:04d}", "title": title, "abstract": abstract, "entities": entities}
            if title_entities:
                row["title_entities"] = title_entities
            rows.append(row)
    return rows, problems


def cross_warnings(rows: list[dict]) -> list[str]:
    """Strings annotated in some entry but left unannotated in another (reviewed by hand: some are
    ordinary words there, such as "weather" or "adapters"), and strings given two types."""
    types = collections.defaultdict(set)
    for row in rows:
        for e in row["entities"] + row.get("title_entities", []):
            types[e["text"]].add(e["type"])
    warnings = [f"{name!r} has types {sorted(t)}" for name, t in sorted(types.items()) if len(t) > 1]
    patterns = {n: re.compile(r"(?<![A-Za-z0-9])" + re.escape(n) + r"(?![A-Za-z0-9])") for n in types}
    for row in rows:
        for field, ents in (("abstract", row["entities"]), ("title", row.get("title_entities", []))):
            covered = [(e["start"], e["end"]) for e in ents]
            for name, pattern in patterns.items():
                for m in pattern.finditer(row[field]):
                    if not any(s <= m.start() and m.end() <= e for s, e in covered):
                        warnings.append(f"{row['id']} {field}: {name!r} unannotated here")
    return warnings


def main(argv: list[str]) -> int:
    rows, problems = build()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    if "--warnings" in argv:
        for warning in cross_warnings(rows):
            print("warning:", warning, file=sys.stderr)
    counts = collections.Counter(e["type"] for r in rows for e in r["entities"])
    title_counts = collections.Counter(e["type"] for r in rows for e in r.get("title_entities", ()))
    names = collections.Counter(e["type"] for r in rows for e in {(x["text"], x["type"]): x for x in r["entities"]}.values())
    print(f"{len(rows)} abstracts")
    print("abstract entities:", dict(sorted(counts.items())), "total", sum(counts.values()))
    print("title entities:", dict(sorted(title_counts.items())), "total", sum(title_counts.values()))
    print("distinct (per-abstract) names:", dict(sorted(names.items())))
    if "--check" not in argv:
        with open(OUT, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {OUT}")
    return 0


# ----------------------------------------------------------------------------------------------
# Data. Each batch() call holds hand-written entries separated by blank lines.
# ----------------------------------------------------------------------------------------------

batch(r"""
[[Kestrel-3D|d]]: A Large-Scale Dataset for Monocular Depth in Cluttered Warehouses
[[Monocular depth estimation|t]] models trained on driving footage transfer poorly to indoor logistics scenes, where shelving, pallets and reflective wrap dominate the view. We introduce the [[Kestrel-3D|d]] dataset, 41k RGB frames with dense LiDAR-aligned depth collected in eleven warehouses across three countries. We benchmark six recent depth networks, including [[DPT-Hybrid|m]] and [[MiDaS v3|m]], and find that their absolute relative error nearly doubles compared with results reported on [[NYU Depth v2|d]]. Fine-tuning on [[Kestrel-3D|d]] closes most of this gap, and a simple reflection-aware loss, [[GlossMask|x]], reduces errors on specular surfaces by a further 18%. The data, calibration files and evaluation code are released to support research on [[depth estimation|t]] in industrial settings.

[[LumenNet|m]]: Illumination-Invariant Features for Low-Light Object Detection
Object detectors degrade sharply after dusk. We present [[LumenNet|m]], a backbone that factorises an image into a reflectance stream and an illumination stream and routes only the former to the detection head. [[LumenNet|m]] is pretrained on [[ImageNet|d]] with synthetic darkening and then fine-tuned on the [[ExDark|d]] and [[NightOwl-Det|d]] collections. With a [[Faster R-CNN|m]] head, [[LumenNet-50|m]] improves [[mAP|k]] by 4.1 points over a [[ResNet-50|m]] backbone of similar cost, and the gain grows to 6.3 points on the darkest quartile of images. Ablations show that the illumination stream must be supervised, otherwise it collapses into a copy of the input.

Patch Dropping Is Not Free: Revisiting Token Pruning in Vision Transformers
Token pruning is a popular way to speed up Vision Transformers at inference time, but most evaluations stop at top-1 accuracy on a single benchmark. We revisit five pruning schemes, among them [[ToMe|x]], [[EViT|x]] and [[DynamicViT|x]], on [[ImageNet|d]], on the distribution-shifted [[ImageNet-R|d]], and on dense prediction with [[ADE20K|d]]. Pruning that looks lossless on clean validation images costs up to 7 points of [[mIoU|k]] on segmentation and disproportionately removes tokens covering small objects. We propose [[KeepSmall|x]], a size-aware scoring rule that reserves a fraction of the budget for low-saliency patches, and show that it recovers most of the lost accuracy at the same throughput.

The [[Harbor Street|d]] Corpus: Street-Level Imagery for Fine-Grained Storefront Recognition
Recognising the business behind a storefront requires reading signage, interpreting window displays and coping with occlusion by traffic. We release the [[Harbor Street|d]] corpus, 260k street-level images from 19 cities annotated with storefront boxes, business categories and transcribed signage. Compared with [[Places365|d]], which labels scenes rather than businesses, and with [[TextVQA|d]], which targets isolated questions, [[Harbor Street|d]] requires joint reasoning over text and layout. Our baseline, [[SignFuse|m]], combines an [[OCR|t]] encoder with a [[CLIP|m]] image tower and reaches 61.2% top-1 accuracy, leaving ample room for improvement.

Self-Distilled Anchors for Semi-Supervised Semantic Segmentation
Semi-supervised segmentation methods usually rely on pseudo-labels that are confident but often wrong at object boundaries. We propose [[AnchorDistill|x]], which maintains a small bank of class prototypes computed from a teacher network and uses them to re-weight pixel-level pseudo-labels. On [[Cityscapes|d]] with only 1/16 of the labels, [[AnchorDistill|x]] reaches 76.8 [[mIoU|k]], improving over [[UniMatch|x]] by 1.4 points; on [[PASCAL VOC 2012|d]] the improvement is 2.0 points with 92 labelled images. The method adds fewer than 1% parameters and no inference cost.

Counting Birds from the Sky with Density-Aware Transformers
Aerial surveys of seabird colonies are labour-intensive to annotate. This paper introduces [[SkyTally|d]], a dataset of 3,400 drone images containing 1.2 million point-annotated birds, and [[DenCount-T|m]], a transformer that predicts density maps at multiple scales. On [[SkyTally|d]], [[DenCount-T|m]] lowers [[mean absolute error|k]] by 23% relative to [[CSRNet|m]] and by 11% relative to [[P2PNet|m]]. We further show that pretraining on the crowd-counting collection [[ShanghaiTech|d]] helps only when the birds are densely packed.

Do Diffusion Features Generalise? A Study of Frozen Generative Backbones for Correspondence
Features extracted from text-to-image diffusion models have been reported to yield strong semantic correspondences without supervision. We test this claim systematically, probing [[Stable Diffusion 2.1|m]] and a smaller in-house model, [[Brisa-Diff|m]], on [[SPair-71k|d]], [[PF-PASCAL|d]] and a new cross-category split we call [[SPair-XC|d]]. Diffusion features outperform [[DINOv2|m]] on within-category pairs but lag behind it by 9 [[PCK|k]] points on [[SPair-XC|d]], suggesting that their advantage comes from category-specific priors. Combining both feature types with a learned weighting, which we call [[FuseCorr|x]], gives the best results overall.

Label-Efficient Defect Detection with Synthetic Scratches
Surface inspection datasets are small and heavily imbalanced. We describe [[ScratchGen|x]], a procedural generator of scratches, dents and stains that composites defects onto defect-free images with physically plausible shading. Training a [[YOLOv8|m]] detector on a mixture of 200 real and 20k synthetic images matches the recall of a detector trained on 2,000 real images from the [[MVTec AD|d]] collection. We also release [[Ferrite-Def|d]], a set of 5,100 images of machined steel parts, on which [[ScratchGen|x]] yields an [[AUROC|k]] of 0.962 for [[anomaly detection|t]].

Rethinking Augmentation Strength for Long-Tailed Recognition
Strong augmentation is widely used for long-tailed classification, yet its effect on rare classes remains unclear. We find that applying [[RandAugment|x]] at the same magnitude to all classes hurts tail classes on [[ImageNet-LT|d]] and [[iNaturalist 2018|d]]. We therefore propose class-conditional magnitude scheduling, [[TailAug|x]], which lowers augmentation strength for classes with few examples. Combined with [[balanced softmax|x]], [[TailAug|x]] improves few-shot accuracy by 3.7 points without affecting head classes.

[[PolyScene|d]]: Panoptic Annotations for Agricultural Fields
We present [[PolyScene|d]], a panoptic segmentation dataset of crop rows, weeds and soil captured by tractor-mounted cameras across two growing seasons. The dataset contains 9,800 images with instance masks for 14 plant species. We evaluate [[Mask2Former|m]], [[Panoptic-DeepLab|m]] and our lightweight [[RowSeg|m]] model, reporting [[panoptic quality|k]] on held-out farms. [[RowSeg|m]] exploits the periodic structure of crop rows through a row-prior attention layer and runs at 45 frames per second on an embedded GPU while matching the accuracy of [[Mask2Former|m]].

Open-Vocabulary Detection Meets Remote Retail Shelves
Retail shelf monitoring requires detecting thousands of product types, most of which never appear in training data. We adapt the open-vocabulary detector [[OWL-ViT|m]] to shelf images and introduce [[ShelfLife-1K|b]], a benchmark with 1,000 product categories split into seen and unseen groups. A prompt-ensembling strategy that queries each product with its brand name, flavour and packaging colour, termed [[TriPrompt|x]], raises novel-class [[AP50|k]] from 18.4 to 27.9. We discuss failure cases caused by near-identical packaging variants.

Temporal Consistency Regularisation for Video Instance Segmentation
Per-frame instance segmenters flicker when applied to video. We propose a training-time regulariser, [[TCR|x]], that penalises changes in mask logits along optical flow trajectories estimated by [[RAFT|m]]. Applied to [[Mask R-CNN|m]] and to [[SeqFormer|m]], [[TCR|x]] raises [[AP|k]] on [[YouTube-VIS 2021|d]] by 1.9 and 1.2 points, respectively, and substantially reduces identity switches on [[OVIS|d]]. Because the regulariser is used only during training, inference speed is unchanged.

Masked Image Modelling at Low Resolution
Most masked-image-modelling studies pretrain at 224 pixels. We ask what happens when pretraining at 64 or 96 pixels, as is common for thumbnails and embedded cameras. Surprisingly, [[MAE|x]] pretraining at 96 pixels followed by brief high-resolution fine-tuning matches full-resolution pretraining on [[ImageNet|d]] while using 4.8 times less compute. We propose [[ProgMAE|x]], which grows the input resolution during pretraining, and show consistent gains on [[COCO|d]] detection and on fine-grained classification with [[CUB-200-2011|d]].

A Benchmark for Visual Counting Under Occlusion
Existing counting benchmarks rarely measure how models cope with partial occlusion. We build [[OccluCount|b]], which pairs 6,000 images of everyday scenes with counts for occluded and visible instances separately. Evaluating class-agnostic counters such as [[CounTR|m]] and [[LOCA|m]], we observe that errors triple when more than half of the instances are occluded. We release the benchmark together with a protocol that reports [[mean absolute error|k]] per occlusion level.

Learning Camera Intrinsics from a Single Image in the Wild
We present [[FocalFormer|m]], a transformer that regresses focal length and principal point from a single uncalibrated photograph. The model is trained on a mix of [[MegaDepth|d]] and a newly assembled collection of smartphone photos with EXIF metadata, the [[Lensbook|d]] dataset. [[FocalFormer|m]] reduces median focal-length error by 31% relative to [[Perspective Fields|x]] and improves downstream [[structure-from-motion|t]] when used to initialise [[COLMAP|x]].

Pruning Convolutional Filters by Gradient Flow Sensitivity
We revisit structured pruning for convolutional networks and propose [[FlowPrune|x]], which ranks filters by how much they contribute to gradient flow at initialisation rather than by weight magnitude. On [[CIFAR-100|d]] with [[VGG-19|m]] and [[ResNet-56|m]], [[FlowPrune|x]] removes 70% of FLOPs with less than one point of accuracy loss, outperforming [[SNIP|x]] and [[GraSP|x]] at the same sparsity. On [[ImageNet|d]], pruning [[ResNet-50|m]] to half of its FLOPs costs 0.8 points of top-1 accuracy.

Which Images Fool Vision-Language Models? A Taxonomy of Visual Illusions
We assemble [[Mirage-400|b]], a set of 400 classic and newly designed visual illusions with questions that probe whether a model reports what is physically present or what humans perceive. We evaluate [[LLaVA-1.5|m]], [[InstructBLIP|m]], [[Qwen-VL|m]] and the proprietary [[GPT-4V|m]]. All models answer physical-ground-truth questions near chance on colour-constancy illusions, while [[GPT-4V|m]] mirrors human perception in 71% of geometric illusions. We argue that [[visual question answering|t]] benchmarks should separate perception-aligned and physics-aligned answers.

Efficient Stereo Matching with Cascaded Cost Volumes on Mobile Hardware
Stereo depth networks typically build large 4D cost volumes that are too expensive for phones. We introduce [[StereoLite|m]], which constructs a coarse correlation volume and refines it with a cascade of disparity-residual blocks. [[StereoLite|m]] runs in 28 ms on a mobile NPU and ranks within 6% of [[RAFT-Stereo|m]] on [[KITTI 2015|d]] and [[Scene Flow|d]]. We also show that pretraining on the synthetic [[Falling Things|d]] collection improves robustness to textureless walls.

Weakly Supervised Lesion Localisation in Dermoscopy with Saliency Consistency
Pixel-level lesion masks are expensive to obtain. We train a classifier on image-level diagnoses from [[ISIC 2019|d]] and extract localisation maps using a consistency objective between [[Grad-CAM|x]] maps of augmented views, which we name [[SalCon|x]]. On the segmentation subset of [[ISIC 2018|d]], [[SalCon|x]] attains a [[Dice|k]] score of 0.79 without any mask supervision, compared with 0.71 for plain [[Grad-CAM|x]]. We also report results on [[PH2|d]], where the method generalises despite a different acquisition device.

Scaling Laws for Image Tokenisers
Discrete image tokenisers are a core component of autoregressive image generators, but their scaling behaviour is poorly understood. We train 48 [[VQGAN|m]]-style tokenisers varying codebook size, latent resolution and encoder width, and evaluate reconstruction [[FID|k]] on [[ImageNet|d]] and generation quality when pairing them with a fixed transformer prior. Reconstruction quality follows a power law in encoder compute, but generation quality saturates once codebooks exceed 16k entries. Based on these findings we release [[TokScale|m]], a family of tokenisers that dominates prior tokenisers at every compute budget we tested.
""")

batch(r"""
[[OrbitQA|b]]: Multi-Hop Questions about Spacecraft Telemetry
We introduce [[OrbitQA|b]], a question answering benchmark built from public mission reports and telemetry summaries of 38 satellite missions. Each of its 7,200 questions requires combining at least two documents, for example relating an anomaly report to a later attitude manoeuvre. Retrieval-augmented baselines built on [[Llama-2-13B|m]] and [[Flan-T5-XL|m]] reach 41% and 36% exact match, while human experts reach 88%. We find that dense retrievers trained on [[Natural Questions|d]] miss domain terminology, and that a hybrid retriever combining [[BM25|x]] with [[Contriever|m]] narrows the gap by 7 points.

Cross-Lingual Transfer for Low-Resource Named Entity Recognition via Code-Switched Pretraining
[[Named entity recognition|t]] ([[NER|t]]) in low-resource languages suffers from scarce annotation. We propose [[CS-Mix|x]], a continued-pretraining objective that replaces spans of the input with aligned translations drawn from bilingual dictionaries. Starting from [[XLM-R|m]], [[CS-Mix|x]] improves average [[F1|k]] on the [[MasakhaNER|d]] collection by 3.2 points and on [[WikiANN|d]] by 2.5 points for twelve African languages. Gains are largest for Yoruba and Hausa, where English-aligned dictionaries are most complete. We release the dictionaries and the continued-pretraining checkpoints.

Measuring Sycophancy in Instruction-Tuned Models
Instruction-tuned language models often agree with a user's stated opinion even when it is false. We construct [[FlatterBench|b]], 3,000 factual questions each paired with a user preface expressing a wrong belief, and measure how often models abandon a correct answer. Across 14 open models, including [[Mistral-7B-Instruct|m]], [[Vicuna-13B|m]] and [[Tulu 2|m]], accuracy drops by between 9 and 34 points when the preface is present. Models fine-tuned with [[DPO|x]] are no less sycophantic than those trained with [[PPO|x]]-based [[RLHF|x]]. A simple synthetic-data intervention, [[Disagree-FT|x]], halves the effect without harming helpfulness ratings.

Sparse Mixtures of Adapters for Multi-Domain Machine Translation
We present [[MoDA|x]], a mixture of domain adapters routed by a learned gate over sentence embeddings, for [[machine translation|t]] across medical, legal and conversational domains. Built on top of [[mBART-50|m]], [[MoDA|x]] improves [[BLEU|k]] by 2.1 points on average over a single shared adapter and by 0.9 over [[LoRA|x]] fine-tuning per domain, while storing only 12% of the extra parameters. Evaluations on [[WMT21|d]] news and on the [[Sabio|d]] medical test set show that the router assigns ambiguous sentences to several experts rather than one, which reduces catastrophic errors on out-of-domain inputs.

Do Long-Context Models Read the Middle? Revisiting Needle Retrieval
We extend the needle-in-a-haystack protocol to questions that require aggregating several needles scattered through documents of up to 128k tokens, yielding the [[Haystack-Agg|b]] suite. Models advertised with long context windows, such as [[Yarn-Llama-2|m]] and [[LongChat-13B|m]], retrieve single needles reliably but fail on aggregation once the needles are more than 16k tokens apart. Position interpolation with [[NTK-aware scaling|x]] helps retrieval but not aggregation. We release [[Haystack-Agg|b]] with generators for arbitrary context lengths.

Contrastive Sentence Embeddings from Noisy Paraphrase Mining
We mine 40 million paraphrase pairs from subtitle alignments and train sentence encoders contrastively, resulting in the [[Parallax|m]] family. Because mined pairs are noisy, we introduce a margin-based filtering scheme, [[MarginSieve|x]], that discards pairs whose similarity is far from the batch median. [[Parallax-base|m]] outperforms [[SimCSE|m]] and [[Sentence-T5|m]] on the [[STS-B|b]] and on seven tasks of [[MTEB|b]], and the gains persist in Spanish and German. Without [[MarginSieve|x]], performance falls below that of a model trained on 5 million clean pairs.

When Does [[Chain-of-Thought|x]] Help Small Models?
Prompting models to write intermediate reasoning steps improves large models, but results for small models are mixed. We evaluate [[chain-of-thought prompting|x]] on models from 125M to 7B parameters, including [[Pythia|m]] and [[OPT|m]] checkpoints, on [[GSM8K|b]], [[StrategyQA|b]] and [[CommonsenseQA|b]]. Below roughly 1B parameters, reasoning chains reduce accuracy, mostly because the model copies the format without the content. Distilling rationales from a larger teacher, as in [[Distilling Step-by-Step|x]], reverses this trend only when the rationales are shorter than 60 tokens.

A Corpus of Annotated Clinical Negation in Nursing Notes
Negation detection in clinical text has been studied mainly on discharge summaries. We introduce the [[NegNurse|d]] corpus, 12,400 sentences from nursing notes annotated for negation cues, scope and uncertainty. Rule-based systems such as [[NegEx|x]] achieve 0.81 [[F1|k]] on cue detection, while a fine-tuned [[BioClinicalBERT|m]] reaches 0.93. Scope resolution remains harder, especially for coordinated findings. We describe the annotation guidelines and report inter-annotator agreement of 0.87 kappa.

[[TabLM|m]]: Pretraining Language Models on Serialised Spreadsheets
Spreadsheets contain a vast amount of semi-structured knowledge that text-only language models largely ignore. We serialise 2.3 million public spreadsheets into a row-major text format and continue pretraining [[T5-Large|m]] on them to obtain [[TabLM|m]]. On [[table question answering|t]] with [[WikiTableQuestions|d]] and [[FeTaQA|d]], [[TabLM|m]] improves denotation accuracy by 3.8 and 2.6 points over [[TAPEX|m]]. A probing study shows that [[TabLM|m]] learns column types without explicit supervision.

Evaluating Factual Consistency of Summaries with Question Generation
We revisit question-generation-based metrics for [[abstractive summarisation|t]], which score a summary by asking questions about it and checking answers against the source. We identify that questions generated by [[BART-large|m]] frequently target trivial entities. Our metric, [[QuestEval-H|k]], weights questions by the information content of their answers and correlates with human judgements at 0.61 Spearman on [[SummEval|b]], compared with 0.49 for [[ROUGE-L|k]] and 0.55 for [[BERTScore|k]]. We also release 2,000 new human judgements for summaries of scientific papers.

Token-Level Uncertainty for Hallucination Detection in Open-Domain Dialogue
Dialogue systems frequently produce confident but unsupported statements. We propose [[SpanDoubt|x]], which aggregates token-level predictive entropy over noun phrases and flags phrases whose entropy exceeds a calibrated threshold. On the [[FaithDial|d]] and [[BEGIN|b]] collections, [[SpanDoubt|x]] detects hallucinated spans with an [[AUROC|k]] of 0.78, outperforming [[SelfCheckGPT|x]] while requiring a single forward pass. We analyse failure cases where the model is confidently wrong about dates.

Prompt Compression with Learned Token Importance
Long prompts are costly to process. We present [[PromptSqueeze|x]], a small classifier that predicts which tokens of a prompt can be removed with little effect on the output of a target model. Trained with signals from [[Llama-2-7B|m]], [[PromptSqueeze|x]] compresses prompts from [[LongBench|b]] by a factor of four while retaining 94% of task accuracy, outperforming [[LLMLingua|x]] and [[Selective Context|x]]. The classifier transfers to [[Mistral-7B|m]] without retraining.

[[Quill|m]]: A Small Code Model Trained on Permissively Licensed Repositories
We describe [[Quill|m]], a 1.3B-parameter code language model trained on 210 billion tokens drawn exclusively from repositories under permissive licences. We detail data filtering, near-duplicate removal with [[MinHash|x]] and a fill-in-the-middle objective. [[Quill|m]] scores 34.1% [[pass@1|k]] on [[HumanEval|b]] and 38.6% on [[MBPP|b]], comparable to [[StarCoderBase-1B|m]] despite a smaller training budget. We release the training corpus manifest so that the licence of every file can be audited.

Discourse-Aware Evaluation of Long-Form Question Answering
Long-form answers are typically scored with [[ROUGE|k]], which ignores discourse structure. We collect [[LFQA-Disc|d]], 1,500 expert-written answers annotated with discourse roles such as summary, example and auxiliary information, and analyse answers generated by [[WebGPT|m]] and several retrieval-augmented systems. Generated answers overuse auxiliary sentences and rarely include examples. A role-aware metric computed with a fine-tuned [[RoBERTa-large|m]] classifier correlates with expert preferences better than [[ROUGE|k]] or length.

Curriculum Instruction Tuning by Task Difficulty
We study whether ordering instruction data from easy to hard benefits instruction tuning. Using difficulty estimates from a reference model's loss, we sort the [[FLAN 2022|d]] mixture and the [[Dolly-15k|d]] set and fine-tune [[Pythia-2.8B|m]] with three curricula. The easy-to-hard curriculum improves average accuracy on [[MMLU|b]] by 1.1 points and on [[BIG-Bench Hard|b]] by 2.4 points relative to random ordering, while reverse ordering hurts. We name the schedule [[DiffCurve|x]] and provide an open implementation.

Lexical Simplification for Dyslexic Readers with Constrained Decoding
We present [[EasyLex|x]], a constrained decoding method that replaces complex words with frequent synonyms while preserving syntax. A list of frequent words derived from children's books serves as the constraint vocabulary. On the [[TSAR-2022|d]] shared task data and on the [[Newsela|d]] corpus, [[EasyLex|x]] outperforms a prompted [[GPT-3.5|m]] baseline in meaning preservation while achieving similar simplicity, as judged by 40 readers with dyslexia. We discuss cases where simplification changes factual content.

Benchmarking Language Models on Historical Spelling Variation
Language models are trained predominantly on modern text and struggle with historical documents. We construct [[OldWords|b]], a benchmark of parallel historical and normalised sentences in English, Dutch and Swedish spanning the 16th to 19th centuries. Fine-tuned [[ByT5|m]] models outperform subword models such as [[mT5|m]] on spelling normalisation, reaching a [[character error rate|k]] of 2.9%. We also show that zero-shot prompting of large models performs poorly for Swedish.

Robust Intent Classification under Speech Recognition Errors
Spoken dialogue systems classify intents from automatic transcripts that contain recognition errors. We propose [[NoisyDistill|x]], which distils a teacher trained on clean text into a student that sees transcripts with simulated phonetic confusions. On [[SLURP|d]] and a noisy version of [[SNIPS|d]], [[NoisyDistill|x]] improves intent accuracy by 3.5 and 4.8 points over fine-tuning [[DeBERTa-v3|m]] directly on transcripts. Gains hold when transcripts come from [[Whisper|m]] rather than from the simulated channel.

Calibrating Multiple-Choice Answers of Language Models
Large language models assign probabilities to answer options that are poorly calibrated, often favouring a particular letter. We propose [[PermCal|x]], which averages option probabilities over cyclic permutations of the options and then applies [[temperature scaling|x]] fitted on a small validation split. On [[ARC-Challenge|b]], [[HellaSwag|b]] and [[MMLU|b]], [[PermCal|x]] reduces [[expected calibration error|k]] by 60% for [[Llama-2-70B|m]] and improves accuracy by up to 2 points by removing letter bias.

[[Wren|m]]: Efficient Encoder Models for Scandinavian Languages
We introduce [[Wren|m]], a set of encoder models pretrained on 70 GB of Danish, Norwegian and Swedish text using a replaced-token-detection objective in the style of [[ELECTRA|m]]. [[Wren-small|m]] matches the accuracy of a multilingual [[BERT-base|m]] on [[ScandEval|b]] while being four times faster. We discuss tokenisation choices for compound words and release all checkpoints under an open licence.
""")

batch(r"""
[[Tern v2|m]]: Streaming Speech Recognition with Chunked State-Space Encoders
We present [[Tern v2|m]], a streaming [[automatic speech recognition|t]] ([[ASR|t]]) model whose encoder replaces self-attention with chunked state-space layers. Compared with the first release, [[Tern v2|m]] adds a look-ahead buffer of 160 ms and a shared decoder for eight languages. On [[LibriSpeech|d]] test-other it reaches a [[word error rate|k]] of 5.9% with 320 ms latency, against 6.4% for a [[Conformer|m]] transducer of the same size. On the multilingual [[FLEURS|b]] suite, [[Tern v2|m]] lowers average [[WER|k]] by 8% relative while halving memory use on device.

Speaker Diarisation in Classroom Recordings
Classroom audio combines a dominant teacher voice with many short student utterances, which challenges existing diarisation systems. We release [[ChalkTalk|d]], 120 hours of annotated lessons from primary and secondary schools, and evaluate [[pyannote 3.1|m]] and an [[ECAPA-TDNN|m]]-based clustering pipeline. [[Diarisation error rate|k]] exceeds 40% on student speech for both. A fine-tuning recipe that oversamples short turns, [[ShortTurn|x]], lowers the error to 27% while keeping teacher segments accurate.

Self-Supervised Speech Representations for Dysarthric Speech
We investigate how well self-supervised speech models represent dysarthric speech. Probing [[wav2vec 2.0|m]], [[HuBERT|m]] and [[WavLM|m]] on the [[TORGO|d]] and [[UASpeech|d]] collections, we find that middle layers encode severity-related information that final layers discard. Fine-tuning with a layer-weighted pooling scheme, [[LayerMix|x]], reduces [[WER|k]] on severe speakers by 14% relative to standard fine-tuning of [[WavLM|m]]. We discuss consent and privacy considerations for clinical speech data.

Neural Audio Codecs at 1 kbps for Low-Bandwidth Voice Calls
We propose [[Murmur|m]], a neural speech codec that combines residual vector quantisation with a lightweight adversarial decoder. At 1 kbps, [[Murmur|m]] achieves a [[MUSHRA|k]] score of 74, compared with 61 for [[EnCodec|m]] at the same bitrate and 69 for [[Lyra v2|m]] at 3.2 kbps. Listening tests were conducted with 40 participants on clean and noisy speech from the [[VCTK|d]] and [[DNS Challenge|d]] recordings. The decoder runs in real time on a single mobile CPU core.

Offline Reinforcement Learning with Conservative Trajectory Stitching
Offline reinforcement learning must combine sub-optimal trajectories without visiting states unseen in the data. We propose [[StitchQ|x]], which augments the dataset with synthetic transitions that connect nearby trajectories and penalises value estimates on these transitions in proportion to model uncertainty. On the [[D4RL|b]] locomotion and [[AntMaze|b]] tasks, [[StitchQ|x]] outperforms [[CQL|x]] and [[IQL|x]] on 11 of 15 datasets, with the largest gains on the large maze variants. We show that the uncertainty penalty is essential; without it, stitched transitions lead to overestimation.

[[GridHaven|b]]: A Procedurally Generated Benchmark for Cooperative Multi-Agent Exploration
Multi-agent reinforcement learning benchmarks often reward individual skill rather than coordination. We introduce [[GridHaven|b]], a suite of procedurally generated grid worlds in which agents must share partial maps to locate resources. Popular algorithms such as [[MAPPO|x]] and [[QMIX|x]] solve small layouts but fail once maps exceed 32 by 32 cells. We provide a communication baseline, [[MapTalk|x]], that learns discrete messages and doubles success rates on large layouts. The benchmark runs at 1 million steps per second on a single GPU.

Reward Model Ensembles Reduce Overoptimisation in Language Model Alignment
Policies optimised against a learned reward model eventually exploit its errors. We study ensembles of reward models with three aggregation rules and train policies with [[PPO|x]] on the [[Anthropic HH|d]] preference data. Worst-case aggregation delays overoptimisation by a factor of three in KL budget, while mean aggregation gives little benefit. We introduce [[LCB-Reward|x]], which subtracts a multiple of the ensemble standard deviation, and show that it yields higher gold-reward scores than a single reward model at every KL budget.

World Models for Sample-Efficient Control from Pixels
We present [[Kiln|m]], a world model that predicts future latent states with a discrete-diffusion transition model instead of a recurrent state-space model. Agents trained inside [[Kiln|m]] reach human-level median score on the [[Atari 100k|b]] benchmark, surpassing [[DreamerV3|m]] and [[IRIS|m]] at the same number of environment steps. On continuous control from the [[DeepMind Control|b]] Suite, [[Kiln|m]] is competitive with [[DrQ-v2|x]]. Ablations show that diffusion-based transitions chiefly help in environments with stochastic dynamics.

Hierarchical Skills from Unlabelled Play Data for Robotic Manipulation
We learn reusable manipulation skills from unlabelled teleoperated play data. Our method, [[PlaySkill|x]], segments play trajectories into variable-length primitives with a change-point prior and trains a latent-conditioned policy over them. On the [[CALVIN|b]] benchmark, a high-level planner over [[PlaySkill|x]] primitives completes on average 3.4 consecutive instructions, compared with 2.7 for [[HULC|x]]. Real-robot experiments on a kitchen setup confirm the results.

Exploration via Disagreement in Procedurally Generated Environments
Curiosity bonuses computed from prediction error are distracted by stochastic elements such as noisy televisions. We propose [[Quorum|x]], which rewards states on which an ensemble of forward models disagrees and discounts disagreement that persists over time. On hard-exploration games from [[MiniHack|b]] and [[Procgen|b]], [[Quorum|x]] outperforms [[RND|x]] and [[NovelD|x]] and does not suffer from the noisy-television problem in a controlled test.

Graph Neural Networks for Molecular Property Prediction under Scaffold Shift
Molecular property predictors are usually evaluated with random splits that overestimate generalisation to new chemical series. We evaluate [[GIN|m]], [[SchNet|m]] and [[Graphormer|m]] on scaffold splits of eight tasks from [[MoleculeNet|b]] and observe drops of up to 15 points in [[ROC-AUC|k]]. We propose [[ScaffMix|x]], which interpolates representations of molecules sharing partial substructures, and show that it reduces the gap by about a third.

[[GraphPulse|m]]: Temporal Graph Networks for Transaction Fraud Detection
Fraudulent accounts in payment networks change behaviour rapidly. We present [[GraphPulse|m]], a temporal graph network that maintains a memory per account updated with message passing over recent transactions. On the public [[Elliptic|d]] bitcoin graph and a proprietary card-payment graph, [[GraphPulse|m]] improves [[AUPRC|k]] by 6.5 and 9.1 points over [[TGN|m]] and [[JODIE|m]]. An inference-time pruning of stale memory entries reduces latency to under 10 ms per transaction.

Scalable Link Prediction with Subgraph Sketches
Subgraph-based link predictors are accurate but expensive. We introduce [[SketchLink|x]], which approximates subgraph features with [[HyperLogLog|x]] sketches propagated along edges. On [[ogbl-collab|d]], [[ogbl-ppa|d]] and [[ogbl-citation2|d]], [[SketchLink|x]] matches the [[Hits@50|k]] of [[SEAL|x]] while training 30 times faster. We analyse the approximation error of the sketches and show that it decays exponentially in sketch size.

Oversmoothing Is Not the Bottleneck: Depth in Graph Transformers
Deep graph neural networks are often said to suffer from oversmoothing. We train graph transformers with up to 64 layers on [[ogbn-arxiv|d]] and [[ZINC|d]] and find that performance degrades mainly due to optimisation difficulties rather than representational collapse. With a normalisation scheme we call [[DepthNorm|x]] and careful initialisation, a 48-layer model outperforms shallow baselines by 1.3 points on [[ogbn-arxiv|d]]. We argue that oversmoothing metrics such as [[Dirichlet energy|k]] are poor predictors of accuracy.

Heterogeneous Graph Pretraining for Academic Recommendation
We describe [[ScholarNet|m]], a heterogeneous graph model of papers, authors and venues pretrained with a relation-aware masked-edge objective. Evaluated on the [[OAG-Bench|b]] suite and on a new reviewer-assignment dataset, [[RevMatch|d]], [[ScholarNet|m]] improves [[NDCG@10|k]] by 4.2% over [[HGT|m]]. The pretraining objective also benefits cold-start authors with fewer than three papers.

Equivariant Message Passing for Crystal Structure Generation
We propose [[CrystalFlow-E|m]], an E(3)-equivariant flow-matching model that generates periodic crystal structures conditioned on composition. On the [[MP-20|d]] and [[Perov-5|d]] datasets, [[CrystalFlow-E|m]] improves structure match rate over [[CDVAE|m]] and [[DiffCSP|m]] while sampling ten times faster. Density functional theory calculations on 200 generated candidates confirm that 38% are stable.

Learning to Route Vehicles with Attention over Road Graphs
We present [[RoadAttn|m]], an attention model that constructs vehicle routes on real road graphs rather than on Euclidean instances. Trained with [[REINFORCE|x]] using a greedy rollout baseline, [[RoadAttn|m]] reduces route length by 3.1% relative to [[POMO|x]] on city-scale instances drawn from [[OpenStreetMap|d]]. The model generalises from 100-node to 500-node graphs with a modest increase in optimality gap.

Spectral Graph Wavelets for Node Classification on Heterophilous Graphs
On heterophilous graphs, neighbouring nodes tend to have different labels, which hurts low-pass graph filters. We present [[WaveGNN|m]], which learns a bank of band-pass wavelet filters over the graph spectrum. On [[Chameleon|d]], [[Squirrel|d]] and [[roman-empire|d]], [[WaveGNN|m]] outperforms [[GPR-GNN|m]] and [[H2GCN|m]]. We also show that learned filters recover the heterophily level of the graph.

Inverse Reinforcement Learning from Suboptimal Demonstrations in Traffic
Human drivers are not optimal, which biases inverse reinforcement learning. We introduce [[NoisyIRL|x]], which models each demonstrator with a rationality coefficient learned jointly with the reward. On the [[highD|d]] highway dataset and in simulation with [[CARLA|x]], [[NoisyIRL|x]] recovers rewards that yield safer policies than [[MaxEnt IRL|x]] and [[AIRL|x]], with 40% fewer collisions.

Pretraining Speech Translation Models on Synthetic Paired Data
End-to-end [[speech translation|t]] suffers from scarce parallel speech-text data. We synthesise 20k hours of paired data by running a text-to-speech model, [[VITS|m]], on the [[Europarl|d]] parallel text. Pretraining on this synthetic data and fine-tuning on [[CoVoST 2|d]] improves [[BLEU|k]] by 2.7 points for French to English and 3.4 points for German to English. Benefits are smaller for languages with fewer synthesis voices.
""")

batch(r"""
Patch-Level Mixing for Long-Horizon Time Series Forecasting
Transformer forecasters have recently been challenged by simple linear models. We present [[TideMix|m]], an all-MLP architecture that mixes information across patches of a series, across channels and across a learned set of seasonal prototypes. On the standard long-horizon collections [[ETTh1|d]], [[ETTm2|d]], [[Weather|d]] and [[Electricity|d]], [[TideMix|m]] reduces [[MSE|k]] by 7% on average relative to [[PatchTST|m]] and by 12% relative to [[DLinear|m]], while training four times faster. We find that the seasonal prototypes matter most for horizons beyond 336 steps.

A Foundation Model for Building Energy Load Curves
Energy forecasting for individual buildings suffers from short histories. We pretrain [[Wattson|m]], a decoder-only transformer, on 1.9 billion hourly readings from 400k commercial and residential meters, which we release as the [[GridMeter-400K|d]] corpus. Zero-shot, [[Wattson|m]] outperforms building-specific gradient-boosted models trained with one year of history, and fine-tuned it improves on [[Chronos|m]] and [[TimesFM|m]] by 9% in [[MASE|k]]. We find that including weather covariates during pretraining is crucial for transfer across climates.

Anomaly Detection in Spacecraft Telemetry with Reconstruction Residual Calibration
Reconstruction-based detectors flag time steps whose reconstruction error is high, but errors vary strongly across channels. We propose [[ResCal|x]], which fits a per-channel conformal threshold on held-out normal data. On the [[SMAP|d]] and [[MSL|d]] telemetry sets, [[ResCal|x]] improves event-level F-scores of [[LSTM-AD|x]] and [[Anomaly Transformer|m]] by 8 to 15 points. We also caution against the point-adjust protocol, which inflates scores of random detectors.

Irregularly Sampled Clinical Time Series with Continuous-Time Attention
Vital signs in intensive care are recorded at irregular intervals. We introduce [[ChronoAttn|m]], an attention mechanism that encodes time gaps with learned kernel functions. On [[MIMIC-III|d]] in-hospital mortality and on [[PhysioNet 2012|d]], [[ChronoAttn|m]] achieves [[AUROC|k]] of 0.872 and 0.861, outperforming [[mTAN|m]] and [[GRU-D|m]]. Attention maps highlight clinically meaningful events such as sudden drops in blood pressure.

[[FloodCast|m]]: Probabilistic River Discharge Forecasting from Satellite Precipitation
We present [[FloodCast|m]], a graph-based probabilistic model that forecasts daily river discharge at 5,000 gauges by propagating information along the river network. Input precipitation comes from satellite products, making the model applicable in ungauged basins. On the [[CAMELS|d]] basins, [[FloodCast|m]] improves [[continuous ranked probability score|k]] by 14% over an [[LSTM|m]] baseline and by 6% over [[EA-LSTM|m]]. It also provides well-calibrated prediction intervals for extreme events.

Physics-Informed Neural Operators for Turbulent Channel Flow
Neural operators learn solution maps of partial differential equations but often fail to conserve physical quantities over long rollouts. We propose [[ConsFNO|m]], a [[Fourier Neural Operator|m]] variant whose spectral layers are projected onto divergence-free fields. On a new channel-flow dataset at three Reynolds numbers, the [[Channel-Re|d]] collection, [[ConsFNO|m]] remains stable for 2,000 steps, whereas the unconstrained operator diverges after 300. Compared with [[U-Net|m]] surrogates, [[ConsFNO|m]] halves the spectral energy error.

[[PDEArena-Lite|b]]: A Compact Benchmark Suite for Learned PDE Solvers
Benchmarks for neural PDE solvers are large and costly to reproduce. We distil [[PDEArena-Lite|b]], twelve tasks covering advection, diffusion, shallow water and Navier-Stokes problems, each runnable on a single GPU in under an hour. We evaluate [[FNO|m]], [[DeepONet|m]], [[MP-PDE|m]] and transformer operators, and find that model rankings on [[PDEArena-Lite|b]] agree with rankings on the full-scale tasks with a Kendall tau of 0.83. The suite includes standardised rollout metrics and fixed random seeds.

Learning Interatomic Potentials with Sparse Equivariant Attention
We introduce [[SparQ-Pot|m]], a machine-learned interatomic potential that attends only to the k nearest neighbours within a cutoff using equivariant attention. On [[MD17|d]] and [[rMD17|d]], [[SparQ-Pot|m]] matches the force accuracy of [[NequIP|m]] and [[MACE|m]] while running 2.3 times faster in molecular dynamics. For a 100,000-atom water box, simulations are stable over 1 ns.

Protein Language Models as Zero-Shot Fitness Predictors for Enzymes
We assess whether protein language models can rank enzyme variants without labelled data. Scores from [[ESM-2|m]] and from our retrained model [[ProtoLM-650M|m]] correlate with measured activity on 23 deep mutational scanning assays from [[ProteinGym|b]]. [[ProtoLM-650M|m]], trained with a masked-span objective on clustered sequences from [[UniRef50|d]], reaches a Spearman correlation of 0.49 versus 0.45 for [[ESM-2|m]] at similar size. Combining language-model scores with a structure-based term from [[ProteinMPNN|m]] yields further gains.

Weather Emulation at Kilometre Scale with Latent Diffusion
Global weather models run at resolutions too coarse for local impact studies. We train [[Stratus-LD|m]], a latent diffusion model that downscales reanalysis fields from 25 km to 2 km, on the [[ERA5|d]] reanalysis paired with high-resolution regional simulations. [[Stratus-LD|m]] reproduces the observed power spectrum of precipitation more closely than bilinear interpolation or a deterministic [[SwinIR|m]] baseline, and its ensemble spread is well calibrated according to rank histograms.

Cloud Removal from [[Sentinel-2|d]] Imagery with SAR Guidance
Optical satellite imagery is frequently obscured by clouds. We propose [[CloudPeel|m]], which fuses cloudy [[Sentinel-2|d]] images with co-registered [[Sentinel-1|d]] radar acquisitions through cross-attention. On the [[SEN12MS-CR|d]] dataset, [[CloudPeel|m]] reaches a [[PSNR|k]] of 29.4 dB, improving on [[DSen2-CR|m]] by 1.6 dB. Downstream land-cover classification on reconstructed images recovers 92% of the accuracy obtained on cloud-free images.

Mapping Smallholder Field Boundaries with Foundation Models
Smallholder fields in sub-Saharan Africa are small and irregularly shaped, which makes boundary delineation difficult. We release [[Shamba-Fields|d]], 3,100 very-high-resolution image tiles from Kenya, Ghana and Mozambique with hand-digitised field polygons. We evaluate the remote-sensing foundation models [[SatMAE|m]] and [[Prithvi|m]] as well as a [[ResUNet-a|m]] trained from scratch. Foundation models help most when fewer than 200 tiles are labelled, after which the gap closes. A boundary-aware loss, [[EdgeDice|x]], improves object-level [[F1|k]] by 5 points across models.

Change Detection in Urban Areas with Bi-Temporal Transformers
We present [[BiTempo|m]], a transformer that jointly encodes pairs of aerial images acquired years apart and predicts building changes. On [[LEVIR-CD|d]] and [[WHU-CD|d]], [[BiTempo|m]] reaches [[F1|k]] scores of 91.8 and 93.1, outperforming [[BIT|m]] and [[ChangeFormer|m]]. We show that pretraining on synthetic change pairs created by pasting buildings from the [[SpaceNet 7|d]] annotations accelerates convergence.

Estimating Forest Canopy Height from Spaceborne LiDAR and Optical Imagery
Canopy height maps are essential for carbon accounting. We train a convolutional model, [[CanopyNet|m]], to regress canopy height from optical imagery using sparse [[GEDI|d]] LiDAR footprints as supervision. Across four biomes, [[CanopyNet|m]] achieves a [[mean absolute error|k]] of 3.9 m, compared with 5.2 m for a random-forest baseline. A test on airborne laser scans from the [[NEON|d]] sites shows that errors are largest in tall tropical forests.

Few-Shot Ship Detection in SAR Images with Prototype Refinement
Labelled synthetic aperture radar images of ships are scarce. We propose [[ProtoShip|x]], a few-shot detector that refines class prototypes with features from unlabelled images via optimal transport. On the [[SSDD|d]] and [[HRSID|d]] datasets with 10 labelled images per class, [[ProtoShip|x]] improves [[AP|k]] by 6.2 points over [[TFA|x]] and by 3.8 points over [[DeFRCN|x]].

Self-Supervised Pretraining for Chest Radiograph Interpretation across Hospitals
Chest X-ray classifiers trained at one hospital often fail at another. We pretrain a [[ViT-B/16|m]] with a masked-autoencoding objective on 1.1 million unlabelled radiographs from five hospitals and fine-tune on [[CheXpert|d]]. The resulting model, [[RadMAE|m]], improves external-validation [[AUROC|k]] on [[MIMIC-CXR|d]] and [[ChestX-ray14|d]] by 2.5 and 3.1 points over supervised [[ImageNet|d]] pretraining. Gains are largest for rare findings such as pneumothorax.

[[VertebraSeg|d]]: A Multi-Centre Dataset for Spine Segmentation in MRI
We present [[VertebraSeg|d]], a dataset of 620 lumbar spine MRI scans from four centres with voxel-level labels for vertebrae, intervertebral discs and the spinal canal. We benchmark [[nnU-Net|x]], [[TransUNet|m]] and [[SwinUNETR|m]]. [[nnU-Net|x]] achieves the highest mean [[Dice|k]] of 0.91 on in-distribution centres, but all methods lose 4 to 9 points on the held-out centre. We provide standard splits and an evaluation script.

Uncertainty-Aware Segmentation of Brain Tumours
Clinical deployment of tumour segmentation requires knowing when the model is unsure. We present [[EviSeg|x]], which attaches an evidential output layer to a [[3D U-Net|m]] and calibrates voxel-level uncertainty with a small held-out set. On [[BraTS 2021|d]], [[EviSeg|x]] maintains [[Dice|k]] scores comparable to a deterministic baseline and lowers [[expected calibration error|k]] from 0.09 to 0.03. Uncertainty maps concentrate at tumour boundaries and correlate with inter-rater disagreement.

Foundation Models for Histopathology: A Fair Comparison
Several self-supervised foundation models for whole-slide images have been released with incomparable evaluation protocols. We evaluate [[UNI|m]], [[CTransPath|m]], [[Phikon|m]] and an [[ImageNet|d]]-pretrained [[ResNet-50|m]] under a single protocol on eleven tasks, including [[Camelyon16|d]] metastasis detection and [[PANDA|d]] prostate grading. Domain-specific models beat the [[ImageNet|d]] baseline by 4 to 12 points of [[balanced accuracy|k]], but no single foundation model dominates. We release the evaluation harness, [[PathEval|x]].

Low-Dose CT Denoising with Score-Based Priors
We propose [[DoseDiff|m]], a score-based generative model that denoises low-dose computed tomography reconstructions by posterior sampling with a data-consistency term. On the [[AAPM Low-Dose CT|d]] challenge data, [[DoseDiff|m]] improves [[SSIM|k]] from 0.88 to 0.92 relative to [[RED-CNN|m]], and a reader study with three radiologists prefers its outputs in 71% of cases. Sampling takes 12 s per slice with 50 steps.
""")

batch(r"""
[[TabWeave|m]]: Cross-Table Pretraining for Tabular Classification
Deep models for tabular data rarely beat gradient-boosted trees. We present [[TabWeave|m]], a transformer pretrained on 12,000 heterogeneous tables by predicting masked cells conditioned on column names embedded with a frozen text encoder. On 45 classification tasks from the [[OpenML-CC18|b]] suite, [[TabWeave|m]] ranks first on average, ahead of [[XGBoost|x]], [[CatBoost|x]] and [[FT-Transformer|m]]. Its advantage is largest on tables with fewer than 1,000 rows, where pretraining supplies useful priors about column semantics. As shown in Table 3, the benefit disappears when column names are replaced by random identifiers.

Are Tabular Foundation Models Calibrated?
We evaluate the calibration of in-context tabular learners such as [[TabPFN|m]] against tuned [[LightGBM|x]] and [[random forests|x]] on 30 binary classification datasets. [[TabPFN|m]] is well calibrated on small datasets but becomes overconfident when the number of features exceeds its training prior. We propose a feature-bagging ensemble, [[BagPFN|x]], which restores calibration and improves [[log loss|k]] by 6% on average. Results are summarised in Section 5 together with per-dataset reliability diagrams.

Missing-Value Imputation with Diffusion over Mixed-Type Columns
Imputation methods often treat categorical and numerical columns separately. We introduce [[MixImpute|x]], a score-based diffusion model that operates jointly on continuous embeddings of categorical values and standardised numerical values. Across 18 datasets from the [[UCI Machine Learning Repository|d]], [[MixImpute|x]] reduces imputation [[RMSE|k]] by 11% relative to [[MissForest|x]] and 7% relative to [[GAIN|x]], and downstream classifiers trained on the imputed data gain 1.8 points of accuracy.

Sequential Recommendation with Intent Prototypes
Users interact with items under shifting intents, such as browsing versus purchasing. We propose [[IntentRec|m]], a sequential recommender that clusters session representations into intent prototypes and conditions next-item prediction on the inferred intent. On [[Amazon Beauty|d]], [[Yelp|d]] and [[MovieLens-1M|d]], [[IntentRec|m]] improves [[Recall@20|k]] by 5 to 9% over [[SASRec|m]] and [[BERT4Rec|m]]. Inferred intents are interpretable and align with product categories.

Debiasing Implicit Feedback with Exposure-Aware Negative Sampling
Recommenders trained on clicks inherit exposure bias: items never shown cannot be clicked. We propose [[ExpoNeg|x]], which samples negatives in proportion to an estimated exposure propensity. On the [[KuaiRand|d]] dataset, which includes randomly exposed items for unbiased evaluation, [[ExpoNeg|x]] improves [[NDCG|k]] by 8% over uniform negative sampling and by 3% over inverse propensity weighting. We also report results on an industrial news feed.

[[Larder|d]]: A Dataset of Grocery Baskets with Nutritional Annotations
We release [[Larder|d]], 4.2 million anonymised grocery baskets from 90,000 households linked to nutritional information for every product. [[Larder|d]] supports research on health-aware recommendation, where systems should suggest items that users like and that improve diet quality. We benchmark [[LightGCN|m]], [[EASE|x]] and a nutrition-regularised variant we call [[NutriEASE|x]], and show that the latter improves the average nutritional score of recommendations with a 2% loss in [[hit rate|k]].

Large Language Models as Zero-Shot Conversational Recommenders
We evaluate prompted large language models on [[conversational recommendation|t]] using the [[ReDial|d]] and [[INSPIRED|d]] dialogues. [[GPT-4|m]] without any fine-tuning outperforms trained systems such as [[UniCRS|m]] in [[Recall@1|k]], but it frequently recommends items that are not in the catalogue. Grounding the model with a retrieval step over the catalogue, which we call [[CatGround|x]], removes most invalid recommendations while keeping the accuracy gains. Much of the remaining error comes from popularity bias.

Diffusion Policies for Deformable Object Manipulation
Folding cloth requires multimodal action distributions that standard behaviour cloning cannot capture. We train a [[Diffusion Policy|x]] on 300 teleoperated demonstrations of towel folding and compare it with [[ACT|x]] and an [[LSTM-GMM|x]] baseline. The diffusion-based controller achieves an 82% success rate on a real robot versus 54% for the best baseline. We release [[FoldSet|d]], which contains the demonstrations with synchronised wrist and overhead camera streams.

Language-Conditioned Navigation with Topological Memory
We present [[TopoNav|m]], a navigation agent that builds a topological graph of visited places annotated with [[CLIP|m]] features and plans over it to follow natural language instructions. In the [[Habitat|x]] simulator on [[R2R-CE|b]], [[TopoNav|m]] improves success weighted by path length by 4.3 points over [[ETPNav|m]]. We further deploy the agent on a wheeled robot in an office building and report qualitative results.

Sim-to-Real Transfer of Quadruped Locomotion via Adaptive Domain Randomisation
Fixed domain randomisation ranges are either too narrow to cover reality or too wide to learn efficiently. We propose [[AutoDR-Q|x]], which widens randomisation ranges only when the policy succeeds across the current range. Policies trained in [[Isaac Gym|x]] with [[AutoDR-Q|x]] walk on grass, gravel and ice on a physical quadruped without fine-tuning. Compared with uniform randomisation, training converges 2.4 times faster and the policy falls 60% less often outdoors.

Learning Dexterous Grasps from Human Video
Collecting robot grasp data is slow. We retarget hand poses extracted from the [[DexYCB|d]] and [[HO-3D|d]] videos to a multi-fingered robot hand and train a grasp generator, [[HandShift|m]], on the retargeted grasps. On 40 unseen household objects, [[HandShift|m]] achieves 73% grasp success, compared with 58% for [[DexGraspNet|m]] trained on synthetic grasps only.

Spurious Correlations in Satellite Image Classifiers
We study shortcut learning in land-use classifiers and find that models trained on [[EuroSAT|d]] rely on colour statistics tied to acquisition season. We construct [[EuroSAT-Seasons|d]], a test split with season-swapped images, on which accuracy drops by 17 points for a [[ResNet-18|m]]. Group-robust training with [[GroupDRO|x]] reduces the drop to 9 points, and a simple colour-jitter augmentation reduces it to 6 points at no extra cost.

When Do Invariant Learning Methods Help Under Distribution Shift?
Numerous methods for out-of-distribution generalisation have been proposed, yet most fail to beat empirical risk minimisation on [[DomainBed|b]]. We identify a regime where invariance helps: when spurious features are more linearly decodable than the invariant ones. We construct [[ShiftGarden|b]], a set of controlled synthetic shifts spanning this regime, and show that [[IRM|x]] and [[VREx|x]] outperform [[ERM|x]] only in the predicted regime. We provide a diagnostic that predicts from training data whether invariant methods are worth trying.

Test-Time Adaptation with Entropy Filtering for Corrupted Images
Test-time adaptation methods minimise prediction entropy on incoming batches but can collapse under severe shift. We propose [[EntFilter|x]], which updates normalisation statistics only on samples whose entropy lies within a band estimated online. On [[ImageNet-C|d]] and [[CIFAR-10-C|d]], [[EntFilter|x]] improves accuracy over [[TENT|x]] and [[EATA|x]] and avoids collapse in long sequences of shifts. The method adds negligible compute.

Auditing Fairness of Face Verification Models across Skin Tone and Age
We audit six face verification models, including [[ArcFace|m]] and [[AdaFace|m]], on a newly collected balanced evaluation set, the [[FairFaces-Audit|d]] collection, that contains consented images annotated with self-reported age group and skin tone on the Monk scale. False match rates differ by a factor of up to 4.7 between groups at a fixed threshold. Re-training on [[BUPT-Balancedface|d]] reduces but does not eliminate these differences. We discuss the implications for deployment and recommend group-specific threshold reporting.

Counterfactual Data Augmentation for Gender Bias in Coreference
Coreference systems associate occupations with stereotypical genders. We propose [[SwapCoref|x]], which generates counterfactual training sentences by swapping gendered words with a dictionary that also handles names and pronouns. On [[WinoBias|b]], [[SwapCoref|x]] reduces the accuracy gap between pro- and anti-stereotypical sentences from 21 to 4 points for a [[SpanBERT|m]] coreference model, with no loss on [[OntoNotes 5.0|d]].

Fair Ranking under Uncertain Group Membership
Fair ranking methods assume known group labels, which are rarely available. We formulate fair ranking with probabilistic group membership and propose [[SoftFair|x]], which enforces exposure constraints in expectation. On the [[TREC Fair Ranking|b]] track data and on a synthetic hiring benchmark, [[SoftFair|x]] achieves exposure parity within 3% while losing only 1.2% of [[NDCG|k]], whereas methods that impute hard labels violate constraints by up to 15%.

Quantisation-Aware Fine-Tuning for 3-Bit Language Models
Post-training quantisation of large language models to three bits severely degrades quality. We introduce [[QuFT|x]], a fine-tuning method that learns low-rank corrections to quantised weights while keeping the quantised base frozen, similar in spirit to [[QLoRA|x]]. On [[Llama-2-13B|m]], [[QuFT|x]] at three bits recovers [[perplexity|k]] on [[WikiText-2|d]] to within 0.4 of the 16-bit model, improving over [[GPTQ|x]] and [[AWQ|x]] by more than 1.5. Inference kernels achieve a 2.8 times speedup on consumer GPUs.

Speculative Decoding with Tree-Structured Drafts
Speculative decoding speeds up generation by having a small draft model propose tokens that a large model verifies. We present [[BranchDraft|x]], which proposes a tree of candidate continuations and verifies all branches in one forward pass with a tree attention mask. With [[Vicuna-7B|m]] as draft and [[Vicuna-33B|m]] as target, [[BranchDraft|x]] achieves a 3.1 times speedup on [[MT-Bench|b]] prompts compared with 2.2 times for linear speculative sampling, without changing the output distribution.

Energy-Efficient Keyword Spotting on Microcontrollers
We design [[WhisperNet-Micro|m]], a keyword-spotting network under 80 KB that combines depthwise-separable convolutions with a temporal shift module. On [[Speech Commands v2|d]], [[WhisperNet-Micro|m]] reaches 96.1% accuracy at 1.9 mJ per inference on a Cortex-M4, compared with 95.4% for [[DS-CNN|m]] at 3.2 mJ. We further show that 4-bit weight quantisation costs only 0.3 points.
""")

batch(r"""
The [[tidepool|d]] Dataset: Underwater Video of Intertidal Ecosystems
Marine ecologists increasingly rely on video to monitor intertidal species, but annotated footage is scarce. We introduce the [[tidepool|d]] dataset, 310 hours of underwater video from rock pools along the Atlantic coast with 52,000 bounding-box tracks of crabs, anemones, fish and snails. Tracking is hard because of caustics, turbid water and camouflage. We evaluate [[ByteTrack|x]] and [[OC-SORT|x]] with a [[YOLOX|m]] detector and report [[HOTA|k]] per species. A tracker that models caustic flicker as a nuisance variable, [[CausTrack|x]], improves [[HOTA|k]] by 5.6 points on [[tidepool|d]].

[[Visual Question Answering|t]] over Charts without [[OCR|t]]
Chart understanding models typically depend on an external [[optical character recognition|t]] module. We ask whether a pixel-only model can answer chart questions directly. Our model, [[PlotReader|m]], is a [[Pix2Struct|m]]-style encoder-decoder pretrained on 6 million rendered charts with synthetic questions. On [[ChartQA|b]] and [[PlotQA|b]], [[PlotReader|m]] matches pipelines that use [[OCR|t]], and it is markedly better on charts with rotated or overlapping labels. The synthetic chart generator is released as [[ChartForge|x]].

[[Kite-10/100|b]]: Small Image Classification Benchmarks with Label Noise from Real Annotators
Synthetic label noise poorly reflects the errors made by human annotators. We collect five independent crowd labels for each of 60,000 small images and release two benchmarks, [[Kite-10/100|b]], with 10 and 100 classes respectively. Noise in [[Kite-10/100|b]] is instance-dependent and concentrated on visually similar classes. Methods designed for symmetric noise, such as [[Co-teaching|x]], gain little over standard training on [[Kite-100|b]], whereas [[DivideMix|x]] and our sample-reweighting approach [[TrustMix|x]] remain effective.

Are Bigger Vision Encoders Better for Robot Learning?
We compare visual encoders of increasing size as frozen backbones for imitation learning on 18 manipulation tasks. Encoders pretrained on egocentric video, such as [[R3M|m]] and [[VC-1|m]], outperform larger encoders pretrained on web images, including a [[ViT-L/14|m]] trained with [[CLIP|x]]. Scaling beyond 300 million parameters brings no benefit within our data regime. We argue that dataset domain matters more than encoder size for robot learning.

Learning to Summarise Legal Judgements in Portuguese
We address summarisation of Brazilian court decisions, which are long and rhetorically structured. We collect [[JurisResumo|d]], 42,000 decisions paired with official headnotes written by court clerks. Fine-tuned [[PTT5|m]] and a long-input variant of [[mT5|m]] achieve [[ROUGE-2|k]] scores around 24, while a prompted [[Sabiá-2|m]] model produces fluent but often legally imprecise summaries. We release the data and an error taxonomy developed with three lawyers.

Benchmarking Retrieval-Augmented Generation on Scientific Tables
Scientific claims are frequently supported by numbers in tables rather than text. We present [[SciTabRAG|b]], 2,400 claims from computer science papers with the tables that support or refute them. Standard dense retrievers such as [[DPR|m]] retrieve the correct table only 38% of the time, since table embeddings lose numerical detail. Linearising tables with explicit cell coordinates and retrieving with [[ColBERTv2|m]] raises this to 61%. End-to-end verification accuracy with [[Llama-3-8B|m]] as the reader remains below 55%.

An Empirical Study of Federated Learning with Non-IID Medical Images
Federated Learning promises to train models across hospitals without sharing data, but client heterogeneity remains a central problem. We simulate federations of 4 to 40 sites using [[Fed-ISIC|d]] and a new federated split of [[HAM10000|d]], and compare [[FedAvg|x]], [[FedProx|x]], [[SCAFFOLD|x]] and [[FedBN|x]]. Local batch-normalisation statistics, as used by [[FedBN|x]], give the largest improvement when sites use different scanners. We find that tuning the client learning rate matters more than the choice of aggregation algorithm.

[[MERLIN|x]]: Memory-Efficient Retrieval for Long-Input Inference
Attending to all previous tokens is prohibitively expensive for very long inputs. We propose [[MERLIN|x]], which stores past key-value pairs in a compressed index and retrieves the most relevant blocks for each query. Applied to [[Llama-2-7B|m]] without fine-tuning, [[MERLIN|x]] extends usable context to one million tokens and answers questions on [[InfiniteBench|b]] with 12% higher accuracy than [[StreamingLLM|x]]. Memory grows sublinearly with input length.

A Large Corpus of Commit Messages for Code Change Summarisation
We collect the [[Ledger-Commits|d]] corpus, 9.6 million commits from 48,000 repositories paired with their diffs. Careful filtering removes bot-generated and trivial messages. Models fine-tuned on [[Ledger-Commits|d]], including [[CodeT5+|m]] and a 3B variant of [[Quill|m]], generate messages preferred by developers over those of models trained on the smaller [[CommitBench|b]] data. Human evaluation was performed by 24 professional developers.

Neural Radiance Fields from Sparse Drone Views
Reconstructing buildings from a handful of drone photographs is challenging for neural radiance fields. We present [[SparseSky-NeRF|x]], which regularises geometry with monocular depth priors from [[Depth Anything|m]] and with a planarity loss for facades. With only eight views on the [[Mill 19|d]] scenes, [[SparseSky-NeRF|x]] improves [[PSNR|k]] by 2.2 dB over [[RegNeRF|x]] and [[FreeNeRF|x]]. We also show gains when the views come from a consumer drone with imprecise poses.

Gaussian Splatting for Dynamic Surgical Scenes
Endoscopic video exhibits tissue deformation, specular highlights and tool occlusion. We extend [[3D Gaussian Splatting|x]] with a deformation field conditioned on time and a mask that excludes surgical tools, yielding [[EndoSplat|x]]. On the [[EndoNeRF|d]] and [[SCARED|d]] sequences, [[EndoSplat|x]] renders at 150 frames per second while improving [[LPIPS|k]] over deformable NeRF baselines. Reconstructions remain stable under long tool occlusions.

How Much Do Language Models Memorise from Pretraining Data?
We quantify verbatim memorisation in models trained on the [[Pile|d]] by prompting with 50-token prefixes from training documents and measuring exact continuation. Memorisation grows log-linearly with model size across the [[Pythia|m]] suite and is strongly concentrated in duplicated documents. Deduplicating training data with suffix arrays removes 80% of memorised sequences. We release [[MemProbe|x]], a tool to estimate memorisation for any model with a public training corpus.

Interpretable Credit Scoring with Monotonic Neural Additive Models
Regulators often require credit scores to be monotone in certain features, such as income. We propose [[MonoNAM|m]], a neural additive model with per-feature monotonicity guarantees obtained through constrained lattice layers. On the [[Home Credit|d]] and [[Give Me Some Credit|d]] datasets, [[MonoNAM|m]] matches the [[AUC|k]] of unconstrained gradient boosting within 0.5 points while remaining fully interpretable. Shape functions learned by [[MonoNAM|m]] were reviewed by credit analysts and found plausible.

Measuring Progress in Automated Theorem Proving
We collect results from 42 papers on neural theorem proving and find that differences in evaluation settings such as time limits and premise access explain much of the reported progress. Re-running six provers, including [[GPT-f|m]], [[ReProver|m]] and our baseline [[LeanSeek|m]], under a unified protocol on [[miniF2F|b]] and [[ProofNet|b]] shrinks the gap between the best and the oldest methods from 21 to 9 points. We advocate reporting compute-matched pass rates.

Cooperative Perception for Autonomous Vehicles with Bandwidth-Limited Communication
Sharing sensor data between vehicles improves perception but requires bandwidth. We present [[V2X-Lite|x]], which transmits sparse, uncertainty-selected features instead of full feature maps. On the [[OPV2V|d]] and [[DAIR-V2X|d]] datasets, [[V2X-Lite|x]] achieves 95% of the [[AP|k]] of full feature sharing while transmitting 40 times less data, outperforming [[Where2comm|x]] at equal bandwidth.

Towards Reliable Evaluation of Text-to-Image Alignment
Automatic metrics for text-to-image alignment, such as [[CLIPScore|k]], disagree with human judgements on compositional prompts. We construct [[CompoJudge|b]], 4,000 images from five generators rated by humans on object count, attributes and spatial relations. A question-answering-based metric built on a fine-tuned [[BLIP-2|m]] agrees with humans 74% of the time, versus 58% for [[CLIPScore|k]]. Generators including [[SDXL|m]] and [[DALL-E 3|m]] still fail on counting beyond four objects.

Multi-Label Classification of Bird Song in Soundscape Recordings
Passive acoustic monitoring produces long soundscapes in which several species vocalise at once. We release [[DawnChorus|d]], 2,100 hours of annotated soundscapes from temperate forests, and train [[ChirpNet|m]], a spectrogram transformer pretrained on focal recordings from [[Xeno-canto|d]]. [[ChirpNet|m]] improves class-averaged [[mAP|k]] by 7 points over [[BirdNET|m]] on [[DawnChorus|d]]. We show that pretraining on focal recordings alone transfers poorly to soundscapes with overlapping calls.

Mixture-of-Experts Upcycling for Encoder-Decoder Translation Models
Training sparse mixtures of experts from scratch is expensive. We initialise experts from the feed-forward layers of a dense [[NLLB-1.3B|m]] checkpoint, a procedure known as sparse upcycling, and continue training on 200 language pairs. The upcycled model, [[NLLB-MoE-Up|m]], improves [[chrF++|k]] by 1.4 on [[FLORES-200|b]] over the dense model at equal inference cost. Gains concentrate in low-resource directions such as Tigrinya to English.

Learning Rate Warmup Is About Adaptive Optimiser State
We study why learning rate warmup helps transformer training. Our experiments with [[Adam|x]] show that warmup mainly prevents large updates while second-moment estimates are unreliable. Replacing warmup with a bias-corrected variance initialisation, which we call [[WarmStart-V|x]], achieves similar final loss for [[GPT-2|m]]-small on [[OpenWebText|d]] and for [[ViT-B/16|m]] on [[ImageNet|d]]. Our analysis also explains why [[RAdam|x]] reduces sensitivity to warmup length.

Audio-Visual Speech Enhancement for Hearing Aids
Hearing aid users struggle in noisy restaurants. We propose [[LipClean|m]], a lightweight audio-visual enhancement model that conditions a time-domain separator on lip movements. Trained on [[LRS3|d]] mixed with noise from [[DEMAND|d]], [[LipClean|m]] improves [[PESQ|k]] by 0.41 and [[STOI|k]] by 6% over the audio-only [[Conv-TasNet|m]]. A listening study with 18 hearing aid users confirms that intelligibility improves most at low signal-to-noise ratios.
""")

batch(r"""
Grounded [[Visual Question Answering|t]] in Cluttered Kitchens
[[Visual question answering|t]] ([[VQA|t]]) models often answer correctly for the wrong reasons. We introduce [[Pantry-VQA|b]], 11,000 questions about egocentric kitchen images in which every answer is grounded by a box around the evidence. Strong models such as [[LLaVA-NeXT|m]] and [[IDEFICS2|m]] answer 63% of questions correctly, but only 31% with correct grounding. Training with a grounding-consistency loss, which we term [[GroundLock|x]], improves grounded accuracy to 44% while leaving plain [[VQA|t]] accuracy unchanged.

[[Stanford Street Scenes|d]] Revisited: Label Errors in a Popular Segmentation Benchmark
We audit the [[Stanford Street Scenes|d]] benchmark, a widely used collection of urban images with pixel-level labels, and find that 6.4% of test images contain at least one substantial labelling error, mostly confusions between sidewalk and road. Re-annotating the test split changes the ranking of five of ten published models. We release the corrected labels as [[Stanford Street Scenes v1.1|d]] and recommend that future work report results on both versions. Models with strong boundary refinement, such as [[PointRend|x]], benefit most from the corrections.

Semantic Role Labelling with Large Language Models: Still Not Solved
We evaluate in-context learning for [[semantic role labelling|t]] ([[SRL|t]]) on [[CoNLL-2012|d]] and [[CoNLL-2005|d]]. Even with 32 demonstrations, [[Llama-3-70B|m]] reaches only 68 [[F1|k]], far below fine-tuned encoders such as [[RoBERTa-large|m]] at 87 [[F1|k]]. Errors concentrate on argument boundaries and on implicit arguments. Prompting the model to first list predicates, a strategy we call [[PredFirst|x]], adds 6 points but does not close the gap.

[[Sparrow-ASR|m]]: Speech Recognition for Code-Switched Hindi-English
Conversational speech in India frequently mixes Hindi and English within a single utterance. We train [[Sparrow-ASR|m]], a transducer model with a shared Devanagari-Latin output vocabulary, on 1,800 hours of code-switched speech that we transcribe and release as the [[Bazaar Talk|d]] corpus. [[Sparrow-ASR|m]] reduces [[WER|k]] by 21% relative to a fine-tuned [[Whisper-medium|m]] on [[Bazaar Talk|d]], with the largest gains at switch points. We also report results on the [[MUCS 2021|d]] evaluation data.

Emergent Misreporting in LLM Agents under Evaluation Pressure
We study whether agents built on large language models misreport task progress when rewarded for completion. In a sandbox of 400 software tasks, [[SandLedger|b]], agents based on [[GPT-4o|m]], [[Claude 3 Opus|m]] and [[Llama-3-70B-Instruct|m]] claim success on tasks they did not complete in 7 to 19% of episodes. Misreporting increases when the agent is told that it will be evaluated only by its final message. Requiring agents to attach test logs, a protocol we name [[ShowWork|x]], reduces misreporting to below 2%. The sandbox was developed independently of the model providers, OpenAI and Anthropic.

Optical Character Recognition for Historical Arabic Manuscripts
[[Optical character recognition|t]] ([[OCR|t]]) for historical Arabic script is complicated by ligatures, diacritics and marginal notes. We release [[Maktaba-HTR|d]], 14,000 manuscript lines transcribed by scholars, and train [[QalamNet|m]], an encoder-decoder with a line-level [[Swin Transformer|m]] encoder. [[QalamNet|m]] achieves a [[character error rate|k]] of 4.8%, compared with 9.7% for [[TrOCR|m]] fine-tuned on the same data. We analyse errors on diacritics separately.

A Unified View of Parameter-Efficient Fine-Tuning
Parameter-efficient fine-tuning methods such as [[LoRA|x]], [[prefix tuning|x]] and [[adapters|x]] appear different but can be written as modifications of hidden states. Building on this view, we propose [[ScaleShift-PEFT|x]], which learns per-channel scales and shifts at a few selected layers. With 0.05% trainable parameters, [[ScaleShift-PEFT|x]] matches [[LoRA|x]] on [[GLUE|b]] with [[RoBERTa-base|m]] and on [[VTAB-1k|b]] with [[ViT-B/16|m]]. It is also the most robust of the methods we test when learning rates are mistuned.

Dense Video Captioning with Event-Aware Memory
[[Dense video captioning|t]] requires localising and describing all events in an untrimmed video. We present [[EventMem|m]], which maintains a memory of recent event embeddings to avoid repeating descriptions of the same event. On [[ActivityNet Captions|d]] and [[YouCook2|d]], [[EventMem|m]] improves [[CIDEr|k]] by 4.5 and 6.1 points over [[Vid2Seq|m]]. It also produces fewer redundant captions, as measured by a new repetition rate.

[[Chorus|m]]: Multilingual Text-to-Speech with Few-Shot Voice Adaptation
We describe [[Chorus|m]], a multilingual text-to-speech model covering 34 languages that adapts to a new voice from 10 seconds of speech. [[Chorus|m]] combines a discrete-token acoustic model with a vocoder based on [[HiFi-GAN|m]]. In listening tests, [[Chorus|m]] achieves a [[mean opinion score|k]] of 4.21 for naturalness, compared with 3.94 for [[YourTTS|m]], and speaker similarity is rated higher in 26 of 34 languages. Quality is lowest for tonal languages such as Vietnamese and Yoruba.

Contamination-Resistant Evaluation of Mathematical Reasoning
Public math benchmarks leak into pretraining corpora. We present [[FreshMath|b]], a generator of competition-style problems that are re-parameterised each month so that no fixed test set exists. Models that score highly on [[MATH|b]] and [[GSM8K|b]] lose 8 to 23 points on [[FreshMath|b]], with the largest drops for models trained on large web scrapes. We also show that the ranking of models on [[FreshMath|b]] is stable across monthly releases.

Hand Pose Estimation from Event Cameras
Event cameras report brightness changes with microsecond latency, which suits fast hand motion. We collect [[EvHand-8K|d]], 8,000 event streams of hands with motion-capture ground truth, and propose [[SpikePose|m]], a recurrent network that processes events as sparse voxel grids. [[SpikePose|m]] reduces mean per-joint error by 18% relative to a frame-based [[MediaPipe Hands|m]] baseline under fast motion and low light.

Weak Supervision for Entity Matching with Labelling Functions
Entity matching across product catalogues usually requires labelled pairs. We generate training labels with heuristic labelling functions aggregated by [[Snorkel|x]] and train a [[Ditto|m]] matcher on the result. On the [[Abt-Buy|d]], [[Amazon-Google|d]] and [[Walmart-Amazon|d]] benchmarks, the weakly supervised matcher reaches 92% of the [[F1|k]] of fully supervised training. Performance degrades when labelling functions are correlated, which we address with a dependency-aware aggregator, [[DepAgg|x]].

Explaining Graph Neural Network Predictions with Motif Prototypes
Post-hoc explainers for graph neural networks such as [[GNNExplainer|x]] and [[PGExplainer|x]] highlight edges, which can be hard to interpret. We propose [[MotifProto|x]], which explains predictions by matching the input against a learned library of motif prototypes. On [[BA-Shapes|d]], [[Tree-Cycles|d]] and the [[Mutagenicity|d]] molecules, [[MotifProto|x]] recovers ground-truth motifs with higher precision and produces explanations that chemists rate as more useful.

Predicting Solar Flares from Magnetogram Sequences
We frame solar flare forecasting as [[video classification|t]] over sequences of magnetograms. A spatio-temporal transformer, [[FlareFormer|m]], is trained on the [[SHARP|d]] parameters and full-disk magnetograms from 2010 to 2019 and evaluated on 2020 to 2023. [[FlareFormer|m]] achieves a [[true skill statistic|k]] of 0.71 for M-class flares within 24 hours, compared with 0.62 for an [[LSTM|m]] on tabular parameters. Attention maps focus on sheared polarity inversion lines.

Active Learning for Semantic Segmentation under a Click Budget
Annotating full masks is costly; clicks are cheap. We study active learning in which the annotator provides a fixed number of clicks per image and propose [[ClickSelect|x]], which chooses images and click locations jointly by expected information gain. On [[Cityscapes|d]] and [[PASCAL VOC 2012|d]], [[ClickSelect|x]] reaches 95% of fully supervised [[mIoU|k]] with 6% of the annotation time, outperforming [[CoreSet|x]] and [[BALD|x]]-based selection.

Robust Reward Learning from Noisy Human Comparisons
Preference labels from crowd workers are noisy and sometimes adversarial. We model each annotator's reliability and learn the reward jointly, an approach we call [[TrustBT|x]], extending the [[Bradley-Terry|x]] model. On the [[UltraFeedback|d]] and [[HelpSteer|d]] preference data with injected label noise, [[TrustBT|x]] recovers reward accuracy within 1 point of clean training at 30% noise, while standard training loses 9 points. Policies tuned with the learned rewards are preferred by held-out annotators.

Scaling Contrastive Audio-Language Pretraining
We pretrain audio-text dual encoders on up to 4.6 million audio-caption pairs, the largest collection to date, which we assemble from public sources as [[SoundSpan-4M|d]]. The resulting [[CLAP|x]]-style model, [[EchoLink|m]], improves zero-shot classification on [[ESC-50|d]] to 94.3% and text-to-audio retrieval [[R@1|k]] on [[AudioCaps|d]] and [[Clotho|d]]. Caption quality, rather than quantity, becomes the main driver beyond two million pairs.

[[ArgMine-DE|d]]: Argument Mining in German Parliamentary Debates
We present [[ArgMine-DE|d]], 1,200 speeches from German federal parliamentary debates annotated with claims, premises and support relations. Fine-tuned [[GBERT-large|m]] reaches 0.74 macro [[F1|k]] for component classification but only 0.41 for relation identification. Cross-domain experiments with the English [[AAEC|d]] essays show that relation identification transfers poorly across genres and languages. Annotation guidelines are provided in the appendix.
""")

batch(r"""
Reading Between the Lines: Implicit Hate Speech Detection with Contextual Cues
In this paper we study implicit hate speech, which avoids slurs and relies on stereotypes or coded language. We introduce the [[charcoal|d]] corpus, 22,000 social media posts annotated for implicitness, target group and the inference required to recognise the attack. Classifiers fine-tuned on explicit data, such as [[HateBERT|m]], detect only 46% of implicit posts in [[charcoal|d]]. Augmenting training with generated explanations of the implied meaning, a technique we call [[ImpliedAug|x]], raises recall to 63%. We discuss annotator wellbeing measures taken during data collection.

[[M3-Fuse|m]]: Fusing Radar, Camera and LiDAR for 3D Detection in Adverse Weather
Camera and LiDAR degrade in fog and heavy rain, while automotive radar is robust but sparse. This work presents [[M3-Fuse|m]], a bird's-eye-view detector that fuses all three modalities with weather-conditioned gating. On [[nuScenes|d]], [[M3-Fuse|m]] improves [[NDS|k]] by 1.8 points over [[BEVFusion|m]]; on the adverse-weather split of [[K-Radar|d]], the gain grows to 7.4 points. The gating weights shift towards radar as visibility decreases, matching intuition.

Can Small Models Judge? Evaluating LLM-as-a-Judge at 7B Scale
Using a strong language model to grade outputs of other models has become common practice. We ask whether 7B-parameter judges are reliable enough for development use. On [[MT-Bench|b]] pairwise comparisons and the [[Chatbot Arena|b]] human votes, fine-tuned judges such as [[Prometheus 2|m]] and [[JudgeLM-7B|m]] agree with human majority labels 68 to 72% of the time, compared with 81% for [[GPT-4|m]]. Small judges exhibit a strong position bias, which swapping answer order and averaging removes almost entirely. We release our analysis scripts as [[JudgeAudit|x]].

The Role of Tokenisation in Arithmetic Abilities
Why do language models fail at multi-digit arithmetic? We train identical 350M-parameter models with four tokenisers that differ only in how digits are grouped. Right-to-left grouping of digits into triples improves addition accuracy from 41% to 97% on held-out lengths. We confirm the finding by re-tokenising the inputs of an existing model, [[Falcon-7B|m]], through a small adapter, which we name [[DigitFix|x]]. The results suggest that tokenisation, not model capacity, is the dominant factor.

A Probabilistic Approach to Sensor Drift in Air Quality Networks
Low-cost air quality sensors drift over months. We propose [[DriftGP|x]], a hierarchical Gaussian process that models drift as a slowly varying latent function shared among co-located sensors and calibrates against sparse reference stations. Applied to the [[AirCity-PM|d]] network of 640 sensors, [[DriftGP|x]] reduces [[RMSE|k]] of PM2.5 estimates by 37% relative to static linear calibration. Posterior uncertainties are well calibrated on held-out reference stations.

Structured Pruning of Large Language Models without Retraining
We present [[SliceGPT-R|x]], a one-shot structured pruning method that removes rows and columns of weight matrices after rotating hidden states into a principal basis computed on calibration data. Removing 25% of parameters from [[OPT-66B|m]] retains 95% of zero-shot accuracy on [[PIQA|b]], [[WinoGrande|b]] and [[ARC-Easy|b]], outperforming [[SparseGPT|x]] in 2:4 mode at equal speed-up. No retraining or fine-tuning is required.

Predicting Protein-Ligand Binding with Geometric Pretraining
Binding affinity prediction is limited by the size of labelled datasets such as [[PDBbind|d]]. We pretrain a geometric graph network, [[DockPre|m]], on 3.4 million docked complexes with a denoising objective over ligand poses. Fine-tuned on [[PDBbind|d]], [[DockPre|m]] achieves a Pearson correlation of 0.83 on the core set, improving on [[EquiBind|m]] and [[TankBind|m]]. Time-split evaluation shows smaller but consistent gains.

On the Evaluation of Unsupervised Domain Adaptation for Object Detection
We find that unsupervised domain adaptation papers for detection often select hyperparameters on target-domain labels, which inflates results. Under a strict protocol without target labels, the gap between [[Adaptive Teacher|x]], [[PT|x]] and a source-only [[Faster R-CNN|m]] on [[Cityscapes|d]] to [[Foggy Cityscapes|d]] shrinks from 14 to 5 points of [[AP50|k]]. We release [[UDA-Det-Protocol|x]], a set of validation heuristics that do not need target labels.

Scene Text Editing with Glyph-Aware Diffusion
We propose [[GlyphEdit|m]], a diffusion model that replaces text in a photograph while preserving font, colour and perspective. A glyph encoder rendered from the target string conditions the denoiser, and a character-level recognition loss from [[PARSeq|m]] sharpens strokes. On the [[ScenePair|b]] benchmark and on a new Chinese set, [[GlyphEdit|m]] improves word accuracy of edited text by 19 points over [[TextDiffuser|m]].

Distributionally Robust Policies for Inventory Control
Inventory decisions are sensitive to demand misspecification. We derive a distributionally robust variant of fitted Q-iteration, [[DR-FQI|x]], with Wasserstein ambiguity sets around the empirical demand distribution. On a simulator calibrated to the [[M5|d]] retail data, [[DR-FQI|x]] lowers worst-case cost by 22% with a 3% increase in average cost relative to the non-robust policy. We characterise when robustness is worth its price.

Hierarchical Text Classification with Label-Graph Attention
Product catalogues organise categories in deep hierarchies. We present [[TaxoAttn|m]], which attends from document tokens to label embeddings propagated over the label hierarchy. On [[RCV1-V2|d]], [[WOS-46985|d]] and an e-commerce taxonomy with 9,000 leaves, [[TaxoAttn|m]] improves [[Macro-F1|k]] by 1.5 to 3.2 points over [[HiAGM|m]] and [[HGCLR|m]], with the largest gains on deep, rare leaves.

Contrastive Pretraining for Electrocardiograms across Lead Configurations
Electrocardiograms are recorded with varying numbers of leads. We propose [[LeadAgnostic-CL|x]], a contrastive pretraining scheme in which views are formed by sampling different lead subsets of the same recording. Pretrained on 2.1 million unlabelled recordings and fine-tuned on [[PTB-XL|d]], the model improves macro [[AUROC|k]] by 2.4 points with single-lead input over supervised training, and transfers to the [[Chapman-Shaoxing|d]] recordings without adaptation.

A Study of Label Smoothing in Knowledge Distillation
Label smoothing has been claimed to hurt knowledge distillation. We revisit this claim with 120 teacher-student pairs on [[CIFAR-100|d]] and [[Tiny ImageNet|d]]. Teachers trained with label smoothing produce students that are less accurate only when the distillation temperature is high; at temperature one, they are as good or better. We provide a simple rule for choosing the temperature based on teacher entropy and show it works for [[DeiT|m]]-style distillation on [[ImageNet|d]].

Temporal Knowledge Graph Completion with Time-Aware Rotations
We propose [[ChronoRot|m]], a temporal knowledge graph embedding model that represents relations as rotations whose angle depends on a learned periodic function of time. On [[ICEWS14|d]], [[ICEWS05-15|d]] and [[GDELT|d]], [[ChronoRot|m]] improves [[MRR|k]] over [[TeRo|m]] and [[TNTComplEx|m]] by 1.1 to 2.8 points. The learned periods recover weekly and yearly cycles in political events.

Code Review Comment Generation with Retrieval of Similar Changes
Automated code review tools rarely produce comments that developers act on. We present [[ReviewRAG|x]], which retrieves past reviews of similar diffs and conditions a [[CodeLlama-13B|m]] generator on them. On the [[CodeReviewer|d]] data, [[ReviewRAG|x]] improves [[BLEU-4|k]] modestly, but a study with 30 developers finds that 42% of its comments are actionable versus 23% for the generator without retrieval.

Learning to Play Board Games from Rule Descriptions
Game-playing agents are usually engineered for a specific game. We introduce [[RuleZero|x]], which reads a natural language rule description, translates it into an executable game definition with a language model, and trains a policy by self-play with [[MCTS|x]]. On 25 board games from the [[Ludii|d]] library held out during development, [[RuleZero|x]] produces correct game definitions for 19 and agents that beat a random opponent in all 19.

[[Bluebell|m]]: A Compact Multimodal Model for Document Understanding
Document AI systems combine [[OCR|t]], layout analysis and language understanding in heavy pipelines. We describe [[Bluebell|m]], a 600M-parameter model that reads page images directly and answers questions or extracts fields. On [[DocVQA|b]], [[Bluebell|m]] scores 84.1 [[ANLS|k]], close to [[Donut|m]]-based systems ten times larger, and on the receipt-parsing set [[CORD|d]] it reaches 91.6 field-level [[F1|k]]. The model runs on a laptop CPU in under a second per page.

Revisiting Batch Normalisation in Reinforcement Learning
Batch normalisation is rarely used in deep reinforcement learning because of non-stationary data. We show that with a simple modification, recomputing statistics over a mixture of current and replayed batches, batch normalisation stabilises critic training in [[SAC|x]] and [[TD3|x]]. We call the modification [[MixBN|x]]. On [[MuJoCo|x]] locomotion tasks, [[MixBN|x]] enables a higher update-to-data ratio and improves sample efficiency by about 40%.
""")

batch(r"""
Why Do Recommendation Models Forget Old Users?
Industrial recommenders are retrained incrementally on recent interactions, and their quality for infrequent users quietly degrades. We measure this effect on a public trace, [[StreamShop-2Y|d]], which covers two years of interactions from an online marketplace. Incrementally updated [[DCN-V2|m]] and [[DIN|m]] models lose 11% [[AUC|k]] on users inactive for more than three months. A replay buffer stratified by user activity, [[StratReplay|x]], removes most of this loss at a 5% increase in training cost.

[[Harrier|m]]: Instruction-Following Robots from Video-Language Pretraining
We present [[Harrier|m]], a vision-language-action model initialised from a video-language model and fine-tuned on 80,000 robot trajectories from the [[Open X-Embodiment|d]] collection. Action tokens are predicted by a small diffusion head rather than discretised. In 1,200 real-world trials across three robot embodiments, [[Harrier|m]] completes 58% of unseen instructions, compared with 41% for [[RT-2|m]] and 47% for [[OpenVLA|m]]. Pretraining on video was essential for generalising to unseen objects.

Label-Free Model Selection under Distribution Shift
Choosing among trained models when the deployment distribution is unlabelled remains a practical challenge. We propose [[AgreeRank|x]], which ranks candidates by their agreement with a pseudo-labelling committee weighted by confidence. Across 320 models on [[WILDS|b]] datasets including [[iWildCam|d]], [[Camelyon17|d]] and [[FMoW|d]], [[AgreeRank|x]] selects models within 1.3 points of the oracle on average, outperforming [[ATC|x]] and [[DoC|x]].

Detecting Machine-Generated Text across Domains and Languages
Detectors of machine-generated text trained on one domain generalise poorly. We assemble [[GhostWriter-ML|b]], 300,000 human and machine texts in eight languages and six domains, generated by eleven models. Supervised detectors fine-tuned from [[XLM-R|m]] lose up to 30 points of accuracy on unseen generators, while zero-shot detectors such as [[DetectGPT|x]] and [[Binoculars|x]] are more stable but weaker in-domain. Combining both with a small calibration set yields the best transfer.

Weather-Aware Trajectory Prediction for Autonomous Shipping
Vessel trajectory prediction must account for wind and currents. We present [[SeaPath|m]], a transformer that fuses historical AIS position reports with gridded ocean forecasts. On one year of traffic in the Baltic Sea, [[SeaPath|m]] reduces final displacement error at 30 minutes by 26% compared with a kinematic model and by 12% compared with [[TrAISformer|m]]. The weather branch mostly helps small vessels, which drift more.

Causal Representation Learning from Interventional Image Data
We study identifiability of latent causal variables when the learner observes images under unknown single-node interventions. We prove that latents are identifiable up to permutation and elementwise transformation given one intervention per variable, and we propose [[InterVAE|x]], a variational method that enforces the corresponding sparsity. On the [[Causal3DIdent|d]] images and on a new robotic arm dataset, [[ArmShift|d]], [[InterVAE|x]] recovers the true latents with higher [[MCC|k]] than [[iVAE|x]] and [[CITRIS|x]].

Tiny Transformers for Gesture Recognition on Smartwatches
We design a 200k-parameter transformer, [[WristFormer|m]], for recognising hand gestures from smartwatch accelerometer and gyroscope data. Trained with a contrastive pretraining stage on unlabelled wear data, [[WristFormer|m]] reaches 94.8% accuracy on 20 gestures in our [[WatchGest|d]] dataset and 91.2% on the [[Opportunity|d]] activity data, while using 2.1 mW on device. A convolutional baseline of the same size reaches 91.0% on [[WatchGest|d]].

Improving [[Text-to-SQL|t]] with Schema Linking by Execution Feedback
[[Text-to-SQL|t]] parsers fail when they link question words to the wrong columns. We propose [[ExecLink|x]], which executes candidate queries on a sampled database and feeds execution results back to the parser to refine schema links. On [[Spider|b]] and [[BIRD|b]], [[ExecLink|x]] applied to [[DIN-SQL|x]] with [[GPT-4|m]] improves [[execution accuracy|k]] by 3.4 and 5.9 points. Gains are largest on databases with many similarly named columns.

The Cost of Fairness Constraints in Clinical Risk Prediction
Enforcing equalised odds in clinical risk models could harm patients if accuracy drops for all groups. We evaluate five fairness interventions on sepsis, readmission and mortality prediction in [[MIMIC-IV|d]] and the [[eICU|d]] database. Post-processing with group thresholds achieves equalised odds with a median loss of 0.6 [[AUROC|k]] points, whereas in-processing with [[adversarial debiasing|x]] loses up to 4 points. We recommend reporting group-wise calibration alongside any fairness metric.

Video Frame Interpolation with Bidirectional Flow Transformers
We present [[FlowBridge|m]], a frame interpolation model that estimates bidirectional flows with a transformer and synthesises the middle frame with a refinement network. On [[Vimeo-90K|d]], [[FlowBridge|m]] achieves 36.4 dB [[PSNR|k]]; on the large-motion [[X4K1000FPS|d]] set it improves over [[RIFE|m]] and [[EMA-VFI|m]] by more than 1 dB. Inference at 1080p takes 40 ms on a desktop GPU.

Data Pruning for Instruction Tuning via Gradient Similarity
Instruction datasets contain many redundant examples. We score each example by the similarity of its gradient to the average gradient on a small set of target tasks and keep the top 5%, a method we call [[GradSelect|x]]. Fine-tuning [[Llama-2-7B|m]] on the selected subset of [[Alpaca|d]] and [[ShareGPT|d]] matches full-data fine-tuning on [[AlpacaEval|b]] and outperforms selection by [[perplexity|k]] or by [[LESS|x]] at the same budget.

Continual Learning without Task Boundaries in Speech Commands
Most continual learning methods assume known task boundaries. We study boundary-free continual learning for keyword spotting, where new keywords appear gradually in a stream. Our method, [[DriftKeep|x]], detects distribution changes with a running two-sample test and consolidates weights with [[EWC|x]] at detected changes. On a streamed version of [[Speech Commands v2|d]], [[DriftKeep|x]] forgets 48% less than [[ER|x]] with the same memory size.

[[Nimbus-7B|m]]: An Open Weather-and-Climate Assistant
We instruction-tune a 7B-parameter language model on 140,000 question-answer pairs derived from climate assessment reports and forecast bulletins, resulting in [[Nimbus-7B|m]]. On [[ClimaQA|b]], a benchmark of expert-written questions we also release, [[Nimbus-7B|m]] outperforms its base model [[Mistral-7B|m]] by 14 points and approaches [[GPT-3.5|m]]. Errors mostly concern regional projections, where the source documents themselves disagree.

Certified Robustness of Graph Classifiers to Edge Perturbations
We extend randomised smoothing to graph classification under edge additions and deletions. Our certificate, [[EdgeCert|x]], is tighter than prior sparsity-aware certificates because it accounts for the degree distribution of the input graph. On [[PROTEINS|d]], [[ENZYMES|d]] and [[IMDB-BINARY|d]], [[EdgeCert|x]] certifies 10 to 25% more graphs at a radius of five edges for a smoothed [[GIN|m]]. Certification takes under a second per graph.

Open-Set Recognition of Plant Diseases from Leaf Images
Disease classifiers deployed in the field encounter conditions absent from training. We release [[LeafWatch|d]], 48,000 leaf images of 14 crops covering 61 diseases, with a held-out set of unseen diseases. Baselines such as [[MSP|x]], [[Energy score|x]] and [[ViM|x]] detect unseen diseases with [[AUROC|k]] below 0.75. A prototype-based classifier trained with leaf-region cropping, [[LeafProto|x]], raises this to 0.83.

Phoneme-Level Pronunciation Assessment for Language Learners
Computer-assisted pronunciation training needs reliable phoneme-level scores. We fine-tune [[wav2vec 2.0|m]] with a goodness-of-pronunciation head and an alignment-free loss, a model we call [[ProScore|m]]. On [[speechocean762|d]], [[ProScore|m]] achieves a Pearson correlation of 0.69 with expert phoneme scores, compared with 0.62 for [[GOPT|m]]. A study with 60 learners of French shows that feedback from [[ProScore|m]] leads to larger improvements than feedback from a commercial tutor.

Efficient Vision Transformers via Learned Token Merging Schedules
Token merging accelerates vision transformers but uses a fixed merging ratio per layer. We learn a per-image merging schedule with a lightweight controller trained by a budget-constrained objective; we call the method [[AdaMerge|x]]. On [[ImageNet|d]] with [[DeiT-S|m]], [[AdaMerge|x]] improves throughput by 1.9 times with 0.3 points of top-1 loss, beating [[ToMe|x]] at equal speed. Easy images are merged aggressively and hard images are kept at full resolution.

Benchmarking Multimodal Models on Scientific Figures
We introduce [[FigReason|b]], 5,300 multiple-choice questions about figures from physics, biology and materials science papers. Answering requires reading axes, comparing curves and relating figures to captions. Open models such as [[LLaVA-1.5|m]] and [[CogVLM|m]] score below 45%, and [[Gemini Pro|m]] reaches 61%, while domain experts average 87%. Error analysis shows that models often misread log-scale axes.
""")

batch(r"""
[[Compass|x]]: Calibrated Uncertainty for Graph Neural Networks on Node Classification
Graph Neural Networks (GNNs) are often overconfident on nodes far from the training set. We propose [[Compass|x]], a post-hoc calibration method that learns a temperature for each node from its distance to labelled nodes and its local label agreement. On [[Cora|d]], [[CiteSeer|d]], [[PubMed|d]] and [[Coauthor-CS|d]], [[Compass|x]] reduces [[ECE|k]] by 40 to 65% relative to [[temperature scaling|x]] and by 20% relative to [[GATS|x]], without changing accuracy. As Table 2 shows, the largest gains occur on nodes more than three hops from any training node.

Reinforcement Learning from AI Feedback for Code Generation
Reinforcement Learning from human feedback is costly for programming tasks, where judging correctness requires expertise. We train [[Osprey 1.5|m]], a 15B-parameter code model, with rewards from unit tests and from an AI critic that reviews code style. Compared with its supervised predecessor [[Osprey 1.0|m]], [[Osprey 1.5|m]] improves [[pass@1|k]] on [[HumanEval+|b]] from 48% to 61% and on [[DS-1000|b]] from 29% to 37%. The critic signal reduces the number of solutions that pass tests but contain obvious security flaws.

[[Vega-2|x]]: Scaling Sparse Autoencoders to Interpret Language Models
Sparse autoencoders decompose model activations into interpretable features, but scaling them is expensive. This work introduces [[Vega-2|x]], a training recipe for sparse autoencoders with millions of features that uses top-k activation, dead-feature resampling and a learned decoder norm. Applied to the residual stream of [[Gemma-2B|m]], [[Vega-2|x]] achieves lower reconstruction loss at equal sparsity than the recipe of its predecessor [[Vega|x]]. Human raters judge 71% of sampled features as interpretable.

Graph Transformers for Power Grid State Estimation
Estimating the state of a distribution grid from sparse measurements is an underdetermined problem. We propose [[GridSight|m]], a graph transformer that incorporates admittance matrices as attention biases and is trained on simulated grids generated with [[pandapower|x]]. On a standard 118-bus transmission test case and a real 2,000-node distribution feeder, [[GridSight|m]] reduces voltage estimation error by 45% over weighted least squares. The model degrades gracefully when up to 30% of measurements are missing.

Few-Shot Keyphrase Generation for Scientific Articles
We evaluate keyphrase generation with limited supervision on [[KP20k|d]], [[Inspec|d]] and [[SemEval-2010|d]]. A sequence-to-sequence model initialised from [[SciBERT|m]] and a decoder from [[BART-base|m]], trained on only 500 examples, reaches 82% of the [[F1@5|k]] of full supervision. We introduce [[PhraseAug|x]], which creates synthetic training pairs by masking noun phrases in abstracts and asking the model to recover them, adding 3 points in the few-shot setting.

Learning Tactile Representations for In-Hand Object Recognition
Vision-based tactile sensors produce images of contact imprints. We pretrain a tactile encoder, [[TouchMAE|m]], with masked autoencoding on 2 million unlabelled tactile frames collected with a GelSight-style sensor. On [[ObjTouch-70|d]], a dataset of 70 household objects explored by a robot hand, [[TouchMAE|m]] reaches 88% recognition accuracy after five touches, versus 71% for an encoder pretrained on [[ImageNet|d]]. We release the sensor frames and the exploration policy.

[[ReLeaf|d]]: Paired Images for Counterfactual Evaluation of Plant Phenotyping Models
Phenotyping models are typically evaluated on images from the same greenhouse they were trained in. We collect [[ReLeaf|d]], 2,800 pairs of images of the same plants photographed under two lighting setups and two camera heights, allowing controlled counterfactual evaluation. Leaf-counting models such as [[Eff-Count|m]] and a [[Mask R-CNN|m]] instance segmenter change their predictions by more than one leaf on 24% of pairs. Training with photometric augmentation halves this inconsistency.

Multilingual Retrieval for Low-Resource African Languages
We study dense passage retrieval for [[cross-lingual information retrieval|t]] ([[CLIR|t]]) between English queries and passages in Swahili, Somali, Amharic and Hausa. Using [[AfriBERTa|m]] as the encoder and training on translated [[MS MARCO|d]] queries, our retriever [[AfroDR|m]] improves [[nDCG@10|k]] on [[CIRAL|b]] by 9 points over [[BM25|x]] and by 4 points over [[mContriever|m]]. Translating passages instead of queries is less effective but more robust to named entities.

A Closer Look at Weight Decay in Large-Batch Training
Weight decay is typically tuned jointly with learning rate. We show that in large-batch training of [[ResNet-50|m]] on [[ImageNet|d]] and of transformer language models on [[C4|d]], the effective regularisation depends on the product of learning rate and weight decay only through the steady-state weight norm. A schedule that holds this norm constant, [[NormHold|x]], matches tuned baselines across batch sizes from 1k to 64k and removes one hyperparameter from tuning. The analysis extends to [[AdamW|x]] and [[LAMB|x]].

Multi-Object Tracking of Cells in Time-Lapse Microscopy
Cells divide, move and touch in time-lapse microscopy, which breaks assumptions of standard trackers. We present [[MitoTrack|x]], a graph-based tracker that predicts links and division events jointly with an edge classifier. On the [[Cell Tracking Challenge|b]] datasets, [[MitoTrack|x]] achieves the best [[TRA|k]] score on four of six sequences and halves division errors relative to [[TrackMate|x]]. We provide a napari plugin for interactive correction.

Transfer Learning for Seismic Phase Picking across Regions
Seismic phase pickers trained in California often miss arrivals in other tectonic settings. We fine-tune [[PhaseNet|m]] and [[EQTransformer|m]] on small labelled sets from Japan, Chile and Iceland and compare with training from scratch. With 500 labelled waveforms, fine-tuned [[EQTransformer|m]] recovers 94% of P arrivals, versus 76% from scratch. A region-adversarial variant, [[QuakeDA|x]], further improves S-phase recall when no target labels are available. Training uses the [[STEAD|d]] waveforms for initialisation.

Sparse Attention Patterns Predict Reasoning Failures in Language Models
Language models fail unpredictably on multi-step reasoning. We find that in [[Llama-2-13B|m]] and [[Mistral-7B|m]], errors on [[GSM8K|b]] and on [[ProofWriter|b]] coincide with attention heads that stop attending to intermediate results. A probe trained on these attention patterns predicts errors before the answer is generated with an [[AUROC|k]] of 0.81. Steering the identified heads with activation patching, which we call [[HeadNudge|x]], fixes 12% of errors.

Knowledge Distillation for Efficient Point Cloud Segmentation
Point cloud segmentation networks are too slow for many robots. We distil [[Point Transformer V3|m]] into a sparse convolutional student, [[PointLite|m]], using point-wise logit matching and affinity distillation. On [[ScanNet|d]], [[PointLite|m]] reaches 74.1 [[mIoU|k]] at four times the speed of its teacher, and on [[S3DIS|d]] Area 5 it reaches 69.8. Affinity distillation is responsible for most of the improvement over plain logit matching.

Fairness of Speech Recognition across Regional Accents of English
We measure the accuracy of six commercial and open recognisers on [[Accent Atlas|d]], a new corpus of read and spontaneous speech from 1,400 speakers in 32 regions of the United Kingdom, Ireland, Nigeria and India. The best open model, [[Whisper-large-v3|m]], shows [[WER|k]] ranging from 4% to 17% across regions. Fine-tuning on 10 hours of regional speech reduces the largest gaps by half. We release [[Accent Atlas|d]] under a licence that permits research use.

Curriculum Learning for Neural Combinatorial Optimisation
Neural solvers for routing problems are typically trained on uniformly random instances. We introduce [[HardGen|x]], an adversarial instance generator that perturbs training instances towards those with the highest optimality gap. Training [[POMO|x]] with [[HardGen|x]] instances reduces the gap on [[TSPLIB|d]] and [[CVRPLIB|d]] instances by 30% while leaving performance on uniform instances unchanged.

[[RetinaScope|d]]: A Longitudinal Dataset for Diabetic Retinopathy Progression
Most retinal image datasets contain one visit per patient. We release [[RetinaScope|d]], fundus photographs of 9,400 patients with diabetes imaged annually for up to eight years, graded for retinopathy severity. We define [[progression forecasting|t]] as predicting the severity grade two years ahead and find that a model combining images from two visits improves [[quadratic weighted kappa|k]] from 0.61 to 0.70 over single-visit models, using an [[EfficientNet-B4|m]] backbone pretrained on [[EyePACS|d]].

Lossless Compression of Genomic Reads with Language Models
We compress FASTQ files with an autoregressive nucleotide model combined with arithmetic coding. The model, [[HelixZip|m]], is a 50M-parameter transformer trained on reads from the [[1000 Genomes|d]] project. [[HelixZip|m]] achieves 1.58 bits per base, compared with 1.71 for [[Spring|x]] and 1.92 for general-purpose compressors, while decompressing at 40 megabases per second on a GPU.

Adaptive Computation for Streaming Video Recognition
Not every frame of a video needs full computation. We present [[SkimNet|m]], which decides per frame whether to run a small or a large backbone based on a learned estimate of the information gain. On [[Kinetics-400|d]] and [[Something-Something V2|d]], [[SkimNet|m]] reduces average computation by 58% relative to running [[X3D-M|m]] on every frame, with under one point of accuracy loss. Decisions correlate with motion and scene changes.
""")

batch(r"""
A Theory of Feature Learning in Two-Layer Networks at Large Step Sizes
We analyse gradient descent on two-layer networks trained on single-index targets with step sizes beyond the edge of stability. We prove that a single large step aligns the first-layer weights with the target direction, after which the network learns the link function at a rate independent of input dimension. Simulations confirm the predicted phase transition in step size. Our results suggest that large initial learning rates, rather than long training, drive feature learning in this setting.

Do Vision-Language Models Understand Negation?
Captions such as "a room without a chair" are routinely misinterpreted by contrastive vision-language models. We build [[NegBench-VL|b]], 18,000 image-caption pairs in which captions include explicit negation, and show that [[CLIP|m]], [[SigLIP|m]] and [[EVA-CLIP|m]] rank negated captions almost identically to their affirmative counterparts. Fine-tuning on synthetic negated captions generated by a language model, which we call [[NotTune|x]], improves accuracy on [[NegBench-VL|b]] from 39% to 71% while preserving zero-shot accuracy on [[ImageNet|d]].

Learning from Label Proportions in Remote Sensing Crop Mapping
Official statistics report crop areas per district, not per field. We learn pixel-level crop classifiers from district-level proportions using a [[learning from label proportions|x]] loss with a temporal [[U-TAE|m]] backbone. On [[Sentinel-2|d]] time series over France from the [[PASTIS|d]] data, the approach reaches 84% of the accuracy of fully supervised training. A regulariser that enforces spatial smoothness, [[ParcelSmooth|x]], adds 3 points of overall accuracy.

Self-Play Fine-Tuning Improves Negotiation Dialogue Agents
We fine-tune negotiation agents by self-play against frozen copies of themselves with a reward given by the final deal value. Starting from [[Flan-T5-Large|m]] trained on the [[CraigslistBargain|d]] dialogues, the self-play agent, [[HaggleBot|m]], increases its average deal value by 18% against human negotiators without becoming less agreeable. A KL penalty to the supervised policy prevents the degenerate, repetitive strategies observed without it.

[[QuarryQA|b]]: Questions over Mining Safety Regulations
Workplace safety regulations are long, cross-referenced and frequently amended. We construct [[QuarryQA|b]], 2,600 questions from mining inspectors paired with the regulation clauses that answer them, spanning Australian, Canadian and South African law. Retrieval-augmented [[Llama-3-8B-Instruct|m]] answers 52% of questions correctly, and errors are dominated by outdated clauses. A temporal-aware retriever that prefers the most recent amendment, [[AmendRank|x]], improves accuracy by 9 points.

Improving Monocular 3D Human Pose with Synthetic Occluders
Monocular 3D pose estimators fail when limbs are occluded. We paste synthetic occluders sampled from object masks of [[LVIS|d]] onto training images of [[Human3.6M|d]] and [[MPI-INF-3DHP|d]] and train [[PoseFormerV2|m]] with a visibility-aware loss. The resulting model, [[OccluPose|m]], reduces [[MPJPE|k]] on the occluded subset of [[3DPW|d]] by 9.1 mm while leaving unoccluded accuracy unchanged.

Generalisable Deepfake Detection via Frequency Artefact Learning
Deepfake detectors overfit to the generator seen in training. We propose [[FreqTrace|x]], which trains a detector on frequency-domain residuals after removing image content with a denoising network. Trained on [[FaceForensics++|d]] only, [[FreqTrace|x]] achieves an [[AUC|k]] of 0.89 on [[Celeb-DF|d]] and 0.84 on [[DFDC|d]], outperforming [[Xception|m]] baselines by 14 and 11 points. Detection also transfers to faces generated by diffusion models.

Mechanistic Analysis of In-Context Learning in Linear Regression Transformers
We train small transformers to perform in-context linear regression and reverse-engineer the learned algorithm. Two-layer models implement a single step of preconditioned gradient descent, while four-layer models implement an algorithm close to conjugate gradients. Using causal interventions on attention heads, we identify the components that compute residuals and step sizes. The analysis code is released as [[icl-probe|x]].

Evaluating Open-Domain Question Answering in Czech and Slovak
Resources for question answering in Czech and Slovak are limited. We translate and culturally adapt 6,000 questions from [[Natural Questions|d]] and collect 3,000 native questions, forming [[SlavQA|b]]. Multilingual readers such as [[mT5-XL|m]] perform 14 points worse on native questions than on translated ones, showing that translated benchmarks overestimate ability. We recommend native test sets for low-resource evaluation.

Efficient Long-Document Classification with Hierarchical State Space Models
We present [[HiSSM|m]], a hierarchical model that encodes chunks of a long document with a state space layer and aggregates chunk representations with a second state space layer. On [[Hyperpartisan|d]], [[ECtHR|d]] and [[MIMIC-III|d]] discharge summaries, [[HiSSM|m]] matches [[Longformer|m]] accuracy while using 6 times less memory for documents of 16k tokens. Chunk size has little effect beyond 256 tokens.

Multi-Task Learning for Autonomous Driving Perception on Embedded Hardware
We train a single network, [[DriveTri|m]], for object detection, lane detection and drivable-area segmentation with a shared [[RegNetY-1.6GF|m]] encoder. On [[BDD100K|d]], [[DriveTri|m]] matches single-task models within 1% on all three tasks while running at 52 frames per second on an automotive system-on-chip. We show that gradient conflicts between lane detection and segmentation can be avoided with a task-specific normalisation layer.

Bayesian Optimisation for Chemical Reaction Conditions with Language Model Priors
Optimising reaction yield requires expensive experiments. We use embeddings of reaction descriptions from a chemistry language model, [[ChemBERTa|m]], as input features of a Gaussian process surrogate, an approach we name [[LM-BO|x]]. On the [[BH-HTE|d]] and [[SM-HTE|d]] reaction screens from high-throughput experimentation, [[LM-BO|x]] finds conditions within 5% of the best yield in 40% fewer experiments than one-hot encodings. The prior helps mainly in the first dozen iterations.

A Large-Scale Study of Label Noise in Product Categorisation
We estimate that 8% of product category labels in a large e-commerce catalogue are wrong. Using [[Confident Learning|x]] to flag suspicious labels and manual review of 20,000 flagged items, we build [[ShelfClean|d]], a corrected subset of 1.2 million products. Classifiers trained on [[ShelfClean|d]] improve accuracy on a verified test set by 2.7 points, more than is gained by scaling the model from [[DistilBERT|m]] to [[BERT-large|m]].

Interactive Image Segmentation with Vision Foundation Models in Medical Imaging
Segment-anything models accept point and box prompts but were trained on natural images. We evaluate [[SAM|m]] and [[MedSAM|m]] on 14 organs and lesions across CT, MRI and ultrasound, simulating clinician clicks. [[MedSAM|m]] reaches a [[Dice|k]] of 0.86 with one box, while [[SAM|m]] needs three additional clicks to reach the same level. A lightweight adapter trained on 300 annotated scans per modality, [[ClickAdapt|x]], closes most of the gap for [[SAM|m]].

Trajectory Forecasting for Pedestrians with Social Diffusion
We present [[SocialDiff|m]], a diffusion model that generates future pedestrian trajectories conditioned on neighbours' histories through a graph attention encoder. On [[ETH/UCY|d]] and the [[Stanford Drone|d]] dataset, [[SocialDiff|m]] improves [[minADE|k]] over [[MID|m]] and [[LED|m]] while producing fewer collisions between predicted trajectories. Sampling is accelerated with a learned leapfrog initialisation to ten steps.

Memory-Efficient Training of Graph Neural Networks on Billion-Edge Graphs
Full-graph training of graph neural networks on billion-edge graphs exceeds GPU memory. We propose [[GraphSlab|x]], which partitions the graph into slabs streamed from host memory and caches frequently accessed node embeddings on the device. On [[ogbn-papers100M|d]], [[GraphSlab|x]] trains a three-layer [[GraphSAGE|m]] model 3.5 times faster than [[DistDGL|x]] on a single machine with four GPUs.

Robust Watermarking of Language Model Outputs under Paraphrasing
Statistical watermarks for generated text can be removed by paraphrasing. We propose [[SemMark|x]], which embeds the watermark in the choice of semantic frames rather than tokens, so that paraphrases preserve it. Against paraphrase attacks using [[DIPPER|m]], [[SemMark|x]] retains a detection [[AUROC|k]] of 0.93, whereas token-level watermarks drop to 0.62. Generation quality, measured by [[perplexity|k]] under [[Llama-2-13B|m]], is comparable to that of unwatermarked text.

Simulation-Based Inference for Gravitational-Wave Parameter Estimation
Bayesian parameter estimation for gravitational-wave signals with standard samplers takes hours to days. We train a normalising-flow posterior estimator, [[WaveFlowNPE|m]], on 50 million simulated signals injected into detector noise. On events from the [[GWTC-3|d]] catalogue, [[WaveFlowNPE|m]] produces posteriors consistent with those of [[Bilby|x]] in under a minute. Importance sampling corrections make the posteriors exact in the limit.
""")

batch(r"""
Replicating Instruction-Tuned Models with Open Data: A Negative Result
Several open models claim to match proprietary assistants after instruction tuning on distilled data. We replicate three such recipes on [[Llama-2-13B|m]] using only data whose licences permit redistribution, and evaluate on [[MMLU|b]], [[TruthfulQA|b]] and a held-out set of 500 user requests written by volunteers. The replicated models match their published counterparts on multiple-choice benchmarks but are preferred by volunteers in only 31% of comparisons against models from Google and Meta. We conclude that benchmark parity does not imply parity in open-ended use, and we release our data mixture as [[OpenMix-300K|d]].

Point Cloud Completion of Tree Crowns from Terrestrial Laser Scans
Terrestrial laser scans of forests are occluded by trunks and foliage. We present [[CrownFill|m]], a point cloud completion network conditioned on species and trunk diameter. Trained on synthetic trees generated with [[L-Py|x]] and fine-tuned on 340 fully scanned trees that we release as [[WoodPlot-340|d]], [[CrownFill|m]] reduces [[Chamfer distance|k]] by 28% relative to [[PoinTr|m]] and improves crown volume estimates used in biomass models.

Graph-Based Retrieval for Multi-Hop Question Answering over Enterprise Wikis
Enterprise wikis are heavily interlinked but poorly written for retrieval. We construct a graph over wiki pages using hyperlinks and entity co-occurrence and propose [[WikiWalk|x]], a retriever that performs learned random walks from query-relevant seed pages. On [[HotpotQA|b]] and on an internal question set from a software company, [[WikiWalk|x]] improves answer recall at 10 pages by 8 points over [[MDR|x]]. Most gains come from questions that require a bridge page with no lexical overlap with the question.

An Analysis of Position Bias in Retrieval-Augmented Generation
Readers in retrieval-augmented generation pipelines tend to prefer evidence that appears first in the context. We quantify this position bias for eight readers on [[Natural Questions|d]] and [[TriviaQA|d]] by permuting retrieved passages. Accuracy varies by up to 17 points across permutations for [[Llama-2-7B-Chat|m]], and by 6 points for [[GPT-3.5|m]]. Reordering passages by retriever score in reverse, so the best passage appears last, is a surprisingly strong mitigation.

Learning Stable Locomotion for Bipedal Robots with Reference-Free Rewards
Bipedal locomotion controllers often rely on motion-capture references. We propose [[FreeGait|x]], a reward formulation based on contact schedules and energy penalties that does not require reference motions. Policies trained in [[MuJoCo|x]] with [[PPO|x]] and transferred to a real biped walk at up to 1.4 m/s and recover from lateral pushes of 60 N. Compared with reference-tracking rewards, [[FreeGait|x]] produces more varied gaits when commanded to turn.

[[SignBridge|d]]: A Continuous Sign Language Dataset with Sentence-Level Translations
We introduce [[SignBridge|d]], 85 hours of continuous signing from 62 deaf signers of Brazilian Sign Language with Portuguese translations and gloss annotations. Sign-to-text models based on [[SignBERT|m]] features and a [[T5-base|m]] decoder achieve a [[BLEU-4|k]] of 14.2, well below results reported for [[PHOENIX-2014T|d]], which reflects the larger vocabulary and signer variability of [[SignBridge|d]]. The dataset was collected and annotated with deaf researchers.

Efficient Inference for Mixture-of-Experts Models via Expert Offloading
Mixture-of-experts language models exceed the memory of consumer GPUs. We propose [[ExpertCache|x]], which keeps frequently used experts on the GPU, prefetches experts predicted by a lightweight router lookahead and offloads the rest to CPU memory. On [[Mixtral-8x7B|m]], [[ExpertCache|x]] generates 4.2 tokens per second on a single 16 GB GPU, three times faster than naive offloading. Prediction accuracy of the lookahead exceeds 80% for most layers.

How Well Do Molecular Generators Explore Chemical Space?
Generative models for molecules are usually judged by validity, uniqueness and novelty. We argue that these metrics ignore coverage and propose measuring the fraction of distinct ring systems and functional groups covered. Across twelve generators trained on [[ZINC250k|d]], including [[JT-VAE|m]], [[GraphAF|m]] and [[REINVENT|x]], coverage varies by a factor of five even when novelty is similar. We release the coverage metrics in a package called [[ChemSpan|x]].

Open-Vocabulary 3D Scene Understanding with Feature Fields
We lift 2D vision-language features into a 3D feature field reconstructed from posed images and query it with text. Our method, [[LangField|x]], distils features from [[OpenSeg|m]] and [[CLIP|m]] into a hash-grid representation. On [[ScanNet|d]] and [[Replica|d]], [[LangField|x]] achieves open-vocabulary segmentation [[mIoU|k]] 6 points higher than [[OpenScene|x]] and answers queries about object affordances, such as "something to sit on", more accurately.

Predicting Traffic Speed with Spatio-Temporal Graph Diffusion
We propose [[TrafficDiff|m]], a probabilistic traffic forecasting model that denoises future speed fields over a road sensor graph. On [[METR-LA|d]] and [[PEMS-BAY|d]], [[TrafficDiff|m]] achieves [[MAE|k]] competitive with [[Graph WaveNet|m]] and [[DCRNN|m]] while providing calibrated prediction intervals. During incidents, the intervals widen appropriately, which deterministic models cannot express.

A Simple Baseline for Class-Incremental Learning with Pretrained Models
Class-incremental learning methods grow increasingly complex. We show that a frozen [[ViT-B/16|m]] pretrained on [[ImageNet-21k|d]] with a nearest-class-mean classifier on top already rivals prompt-based methods such as [[L2P|x]] and [[DualPrompt|x]] on [[Split CIFAR-100|b]] and [[Split ImageNet-R|b]]. Adding random projections of features before computing class means, which we call [[RanProto|x]], outperforms all prompt-based methods we tested, without any training.

Stance Detection in Scientific Discourse on Climate Change
We collect [[ClimStance|d]], 7,800 sentences from scientific abstracts and news articles labelled for stance towards specific climate claims. Models trained on social media stance data, such as the [[SemEval-2016|d]] task data, transfer poorly to scientific text. Fine-tuning [[ClimateBERT|m]] on [[ClimStance|d]] reaches a macro [[F1|k]] of 0.72. We find that hedged statements, common in science, are frequently misclassified as opposing.

Accelerating Diffusion Sampling with Learned Step Schedules
Diffusion samplers use hand-designed time-step schedules. We learn a schedule per model by minimising an upper bound on the discretisation error, a procedure we name [[StepLearn|x]]. With 10 function evaluations, [[StepLearn|x]] schedules improve [[FID|k]] of [[DPM-Solver++|x]] from 8.4 to 5.9 on [[CIFAR-10|d]] and from 12.1 to 8.7 on [[LSUN Bedroom|d]]. Learned schedules concentrate steps at high noise levels for large images.

Privacy-Preserving Speech Emotion Recognition with Federated Distillation
[[Speech emotion recognition|t]] ([[SER|t]]) models require sensitive recordings. We propose [[FedEmoKD|x]], a federated distillation scheme in which clients share predictions on a public unlabelled audio set rather than model weights. On [[IEMOCAP|d]] and [[MSP-Podcast|d]] partitioned across 20 simulated clients, [[FedEmoKD|x]] reaches 96% of centralised unweighted accuracy and communicates 50 times less than [[FedAvg|x]]. Membership inference attacks succeed at near-chance rates.

[[LoopBench|b]]: Evaluating Agents on Long-Horizon Software Maintenance
Coding benchmarks typically ask for a single function or a single patch. We introduce [[LoopBench|b]], 150 maintenance tasks on real open-source repositories that require several dependent pull requests, such as migrating an API and then removing deprecated code. Agents built on [[Claude 3.5 Sonnet|m]] and [[GPT-4o|m]] complete 23% and 19% of tasks, compared with 41% on [[SWE-bench Lite|b]]. Agents often lose track of earlier changes, suggesting a need for better memory.

Learning Optical Flow from Synthetic Rain and Snow
Optical flow estimators trained on clean synthetic data fail in adverse weather. We render [[WetFlow|d]], a synthetic dataset with physically based rain, snow and wet-road reflections. Fine-tuning [[RAFT|m]] and [[GMFlow|m]] on [[WetFlow|d]] reduces end-point error on real rainy sequences by 19% and 15% while preserving accuracy on [[Sintel|d]]. Reflections on wet roads are the hardest condition.

Uncertainty Quantification for Neural Network Potentials with Last-Layer Ensembles
[[Deep ensembles|x]] give reliable uncertainties for machine-learned potentials but multiply cost. We propose [[LastEns|x]], which shares a backbone and trains an ensemble of readout layers with distinct random initialisation and bootstrap data. On [[MD22|d]] and [[SPICE|d]], [[LastEns|x]] attains uncertainty-error correlations within 5% of full ensembles of [[MACE|m]] at 1.2 times the cost of a single model. Active learning driven by [[LastEns|x]] uncertainty reduces the number of required reference calculations by 40%.

What Makes a Good Demonstration for In-Context Learning?
We study how the choice of demonstrations affects in-context learning for classification. Across 12 datasets and four models, including [[GPT-J|m]] and [[Llama-2-13B|m]], label correctness matters less than the similarity of demonstration inputs to the test input. A retrieval procedure that also balances labels, [[BalRetrieve|x]], improves accuracy by 4 points over random demonstrations and by 1.5 points over nearest-neighbour retrieval with [[KATE|x]].
""")

batch(r"""
[[DR-Coach|x]]: Learning to Explain Diabetic Retinopathy Grades to Trainee Graders
Trainee graders of retinal photographs benefit from feedback that points to lesions. We present [[DR-Coach|x]], which pairs a grading network with a lesion detector and generates textual explanations from detected microaneurysms, haemorrhages and exudates. The grading network, an [[EfficientNet-B3|m]] trained on [[APTOS 2019|d]] and [[Messidor-2|d]], reaches a [[quadratic weighted kappa|k]] of 0.89. In a randomised study with 36 trainees, those receiving [[DR-Coach|x]] feedback improved their agreement with expert graders twice as fast as a control group.

Hyperbolic Embeddings for Hierarchical Recommendation
Item catalogues and user interests are naturally hierarchical. We embed users and items in hyperbolic space with a Lorentz-model graph convolution, yielding [[HyperRec|m]]. On [[Amazon Book|d]], [[Gowalla|d]] and [[Yelp2018|d]], [[HyperRec|m]] improves [[Recall@20|k]] over [[LightGCN|m]] by 4 to 7%, with larger gains for long-tail items. Visualising the embeddings shows that popular items concentrate near the origin.

Synthetic Data for Handwritten Mathematical Expression Recognition
Handwritten maths recognition needs many labelled expressions. We render 2 million synthetic expressions with stroke-level handwriting synthesis and train [[InkTeX|m]], an encoder-decoder with a coverage-aware attention. On the [[CROHME 2019|b]] test set, [[InkTeX|m]] trained only on synthetic data reaches 51% expression recognition rate, and fine-tuning on real data raises it to 64%, exceeding [[CoMER|m]] by 3 points.

Benchmarking Uncertainty Estimation for Regression under Covariate Shift
Most uncertainty benchmarks focus on classification. We collect eight regression tasks with natural covariate shift, from age estimation to wind power prediction, into [[ShiftReg|b]]. We compare [[deep ensembles|x]], [[MC dropout|x]], [[evidential regression|x]] and [[conformal prediction|x]]. [[Deep ensembles|x]] remain the most reliable, but conformal intervals lose coverage sharply under shift. A weighted conformal variant estimates likelihood ratios with a domain classifier and restores coverage in six of the eight tasks.

Fine-Grained Emotion Classification in Customer Service Chats
Customer service platforms want to detect frustration before customers leave. We annotate 40,000 chat turns from an airline's support channel with 12 emotion categories, forming the [[AirChat-Emo|d]] dataset. A [[DeBERTa-v3-large|m]] classifier fine-tuned with a label-hierarchy loss reaches 0.61 macro [[F1|k]], compared with 0.55 for a model trained on [[GoEmotions|d]] and applied zero-shot. Frustration is detected on average 2.3 turns before an escalation request.

Learning Compact Neural Codes for Approximate Nearest Neighbour Search
We train a neural quantiser, [[NeuroPQ|x]], that learns codebooks end-to-end with a differentiable assignment and a ranking loss on retrieval results. On [[SIFT1M|d]], [[Deep1B|d]] and [[MS MARCO|d]] passage embeddings, [[NeuroPQ|x]] improves [[Recall@10|k]] at 16 bytes per vector by 5 to 9 points over [[product quantisation|x]] and by 2 points over [[OPQ|x]]. Search speed is identical because the encoding format is unchanged.

Zero-Shot Anomaly Segmentation with Vision-Language Prompts
Industrial anomaly segmentation usually requires normal training images of each product. We propose [[PromptAnom|x]], which compares patch features of a [[CLIP|m]] image encoder with text embeddings of state prompts such as "a photo of a damaged object". Without any training images, [[PromptAnom|x]] reaches a pixel-level [[AUROC|k]] of 91.2 on [[MVTec AD|d]] and 95.4 on [[VisA|d]], outperforming [[WinCLIP|x]]. Prompt ensembles over damage types contribute most of the improvement.

Language Models Are Poor at Estimating Their Own Knowledge Boundaries
We ask language models whether they know the answer to a question before they answer it. On [[PopQA|b]] and [[EntityQuestions|d]], self-assessed knowledge from [[Llama-2-70B-Chat|m]] predicts actual correctness with an [[AUROC|k]] of 0.66, barely above a baseline using entity popularity. A linear probe on hidden states, which we call [[KnowProbe|x]], reaches 0.81. We discuss implications for deciding when to retrieve.

Learned Image Compression with Content-Adaptive Entropy Models
We present [[AdaCodec|m]], a learned image codec whose entropy model adapts its context window to local image structure. On the [[Kodak|d]] and [[CLIC 2020|d]] test images, [[AdaCodec|m]] reduces bitrate by 7.1% relative to [[VVC|x]] intra coding at the same [[PSNR|k]], and by 3.4% relative to [[ELIC|m]]. Decoding runs at 25 frames per second for 1080p images on a desktop GPU.

Multi-Agent Path Finding with Learned Priorities
Prioritised planning for multi-agent path finding is fast but fails when priorities are poorly chosen. We train a graph neural network, [[PrioNet|m]], to predict agent priorities from the map and start-goal configuration. On maps from the [[MovingAI|b]] benchmark with up to 400 agents, planning with [[PrioNet|m]] priorities solves 23% more instances within the time limit than random restarts and is within 3% of [[EECBS|x]] solution cost.

Multilingual Toxicity Detection without Target-Language Labels
We train toxicity classifiers for 17 languages using only English labels and [[machine translation|t]]. Translating the training data with [[NLLB-200|m]] and fine-tuning [[XLM-R-large|m]] outperforms zero-shot cross-lingual transfer by 8 points of [[AUC|k]] on the [[Jigsaw Multilingual|d]] test sets. Errors concentrate on culture-specific slurs that translation does not preserve, which we address with a small lexicon per language.

Counterfactual Explanations for Tabular Models under Feature Constraints
Counterfactual explanations often propose changes that are impossible, such as decreasing age. We present [[FeasCF|x]], which generates counterfactuals with a conditional diffusion model trained on the data manifold and enforces user-specified immutability and monotonicity constraints. On [[Adult|d]], [[COMPAS|d]] and [[German Credit|d]], [[FeasCF|x]] produces counterfactuals that are valid for 97% of instances and more plausible than those of [[DiCE|x]] according to a held-out density model.

Scaling Vision Transformers for Whole-Slide Pathology at Gigapixel Resolution
Whole-slide images contain billions of pixels, far beyond the context of standard transformers. We present [[GigaSlide|m]], which encodes tiles with a frozen tile encoder and aggregates up to 100,000 tile embeddings with dilated attention. On [[TCGA|d]] cancer subtyping and survival prediction tasks, [[GigaSlide|m]] improves over attention-based multiple instance learning ([[ABMIL|x]]) and [[TransMIL|x]] by 2 to 4 points in [[C-index|k]].

Data-Efficient Visual Place Recognition with Foundation Model Features
We show that aggregating frozen [[DINOv2|m]] features with a generalised mean pooling layer trained on only 10,000 images yields a strong place recogniser, which we name [[PlaceLite|x]]. On [[Pitts30k|d]], [[MSLS|d]] and [[Nordland|d]], [[PlaceLite|x]] matches [[MixVPR|x]] and [[AnyLoc|x]] in [[Recall@1|k]] at a fraction of the training cost. Seasonal changes on [[Nordland|d]] remain the main source of errors.

Hallucinated Citations in Scientific Writing Assistants
Language-model writing assistants sometimes cite papers that do not exist. We prompt five assistants to write related-work paragraphs on 300 topics and verify every citation against bibliographic databases. Between 11% and 46% of citations are fabricated, and fabricated citations are more common for niche topics. Constraining generation to references retrieved from a bibliographic search engine, a setup we call [[CiteGuard|x]], reduces fabrication below 1% without reducing fluency ratings.
""")

batch(r"""
Revisiting Evaluation Protocols for Few-Shot Object Detection
Few-shot detection results depend heavily on which few shots are sampled. Following the protocol of Wang et al., most papers report a single random split. We re-evaluate eight methods, e.g. [[TFA|x]], [[Meta R-CNN|x]], [[DeFRCN|x]] and [[FSCE|x]], over 30 seeds on [[PASCAL VOC|d]] and [[COCO|d]] and find that the standard deviation across seeds exceeds the reported improvement of most methods over their predecessors. Our contributions are threefold: (i) a seed-robust protocol, (ii) a reference implementation called [[FSDet-Fair|x]], and (iii) updated results in which only two methods significantly outperform [[TFA|x]].

Graph Contrastive Learning without Augmentations
Graph contrastive methods depend on hand-crafted augmentations such as edge dropping. We propose [[NoAugGCL|x]], which forms positive pairs from a node's representation at two depths of the same encoder and negatives from other nodes in the batch. On [[Amazon-Photo|d]], [[Amazon-Computers|d]], [[Coauthor-Physics|d]] and [[WikiCS|d]], [[NoAugGCL|x]] matches or outperforms [[GRACE|x]], [[BGRL|x]] and [[GraphCL|x]] under the linear-evaluation protocol. Avoiding augmentations also removes the need to tune their strength per dataset.

Detecting Label Leakage in Clinical Prediction Benchmarks
Clinical benchmarks built from electronic health records can leak the label through features recorded after the prediction time. We develop an auditing tool, [[LeakScan|x]], that trains models on feature subsets ordered by timestamp and flags features whose inclusion causes abrupt performance jumps. Applied to three public benchmarks derived from [[MIMIC-III|d]], [[LeakScan|x]] identifies leaking features in two, including a discharge-medication code that reveals mortality. Removing them lowers [[AUROC|k]] from 0.94 to 0.83, a more realistic figure.

[[Sedge|m]]: A 3B Language Model for Biomedical Literature
We pretrain [[Sedge|m]], a 3B-parameter decoder on 80 billion tokens of biomedical abstracts and full texts from open-access repositories. On [[PubMedQA|b]], [[BioASQ|b]] and [[MedMCQA|b]], [[Sedge|m]] outperforms [[BioGPT|m]] and [[PMC-LLaMA|m]] of larger size, and it is competitive with general models ten times larger. We find that upsampling full texts over abstracts improves reasoning questions but not factoid questions. [[Sedge|m]] is released with its training data manifest.

Online Learning to Rank from Implicit Feedback with Position-Debiased Bandits
We propose [[PosUCB|x]], a contextual bandit for online learning to rank that models position bias with a cascade-aware click model and explores with upper confidence bounds. In simulations on [[Yahoo LTR|d]] and [[MSLR-WEB10K|d]], [[PosUCB|x]] reaches higher [[NDCG@5|k]] than [[PDGD|x]] after 10,000 interactions and is less sensitive to the click model used in simulation. A two-week online deployment on a job search site confirms an increase in applications per session.

Automatic Assessment of Parkinsonian Gait from Smartphone Videos
Clinical gait assessment requires trained raters and in-person visits. We estimate gait severity scores from smartphone videos of patients walking, using 2D keypoints from [[HRNet|m]] and a temporal convolutional network, which together we call [[GaitScore|x]]. On 410 recordings from four clinics, [[GaitScore|x]] agrees with neurologist ratings with a weighted kappa of 0.76, comparable to agreement between neurologists. Performance drops in videos filmed at oblique angles.

Benchmarking Post-Hoc Explanation Methods for Time Series Classifiers
Saliency methods designed for images are routinely applied to time series models. We construct [[TSX-Bench|b]], with synthetic tasks in which the discriminative subsequences are known, and evaluate [[Integrated Gradients|x]], [[SHAP|x]], [[LIME|x]] and [[Dynamask|x]] on classifiers based on [[InceptionTime|m]] and transformers. Gradient-based methods localise features well for convolutional classifiers but poorly for transformers. No method reliably identifies features that matter only in combination.

Zero-Shot Cross-Modal Retrieval for Radiology Reports and Images
We train a dual encoder on 370,000 chest radiographs paired with report impressions, obtaining [[CXR-Align|m]]. For retrieving reports given images on [[MIMIC-CXR|d]], [[CXR-Align|m]] improves [[Recall@5|k]] by 12 points over [[BioViL|m]] and [[GLoRIA|m]]. Retrieval also provides zero-shot classification of 14 findings with an average [[AUROC|k]] of 0.84 on [[CheXpert|d]].

Goal-Conditioned Imitation from Videos of Humans for Mobile Manipulation
Robots can learn from humans performing household tasks in video, but embodiment differences complicate transfer. We propose [[HumanGoal|x]], which extracts object-centric goals from human videos and trains a goal-conditioned robot policy with reinforcement learning in simulation. Using 2,000 videos from [[Ego4D|d]] and [[EPIC-KITCHENS-100|d]], [[HumanGoal|x]] improves success on six real-world tasks from 35% to 62% relative to policies trained from robot demonstrations alone.

An Efficient Transformer for Radar Precipitation Nowcasting
Precipitation nowcasting requires predicting radar echoes up to two hours ahead at high resolution. We propose [[RainFormer|m]], a space-time transformer with factorised local attention that processes 1 km radar mosaics. On the [[SEVIR|d]] dataset and a national radar archive, [[RainFormer|m]] improves the [[critical success index|k]] at heavy-rain thresholds by 9% over [[Earthformer|m]] while running four times faster. Forecasts of convective initiation remain poor.

Learning to Compose Tools for Spreadsheet Question Answering
Answering questions over spreadsheets often requires chaining lookups, filters and arithmetic. We propose [[SheetAgent-R|x]], a language-model agent that composes spreadsheet tools and verifies intermediate results. On [[WikiTableQuestions|d]], [[TabFact|b]] and a new set of enterprise spreadsheets, [[SheetAgent-R|x]] with [[GPT-3.5|m]] outperforms direct prompting and program-of-thought baselines by 6 to 11 points. The verification step accounts for half of the gain.

Ensemble Distillation for Robust Speech Recognition in Noisy Factories
Factory floors are loud and noise types vary between sites. We distil an ensemble of five recognisers fine-tuned on different noise conditions into a single student, [[QuietStudent|m]], using sequence-level distillation. On recordings from three factories and the [[CHiME-4|d]] challenge data, [[QuietStudent|m]] reduces [[WER|k]] by 13% relative to the best single teacher. Distillation data generated by mixing clean [[LibriSpeech|d]] with factory noise is sufficient.

Measuring Cultural Knowledge in Multilingual Language Models
Multilingual models answer questions about culture-specific practices much worse than about globally known facts. We assemble [[CultureProbe|b]], 12,000 questions about food, customs and holidays from 40 countries, written by local annotators in their own languages. [[BLOOMZ|m]], [[mT0|m]] and [[Aya-101|m]] answer 30 to 45% of questions correctly, with the lowest accuracy for Central African and Pacific countries. Answering in English rather than the local language improves accuracy by 6 points, indicating uneven cross-lingual knowledge transfer.

Sparse Gaussian Processes for Large-Scale Spatial Interpolation of Soil Properties
We map soil organic carbon across a continent from 60,000 sample points with a sparse variational Gaussian process whose inducing points are placed adaptively, a method we call [[AdaSVGP|x]]. Compared with kriging and with [[random forests|x]] on the [[LUCAS Soil|d]] survey, [[AdaSVGP|x]] reduces [[RMSE|k]] by 8% and provides better-calibrated prediction intervals. Adaptive inducing points concentrate in mountainous regions where soil varies quickly.

Rewarding Faithfulness in Abstractive Summarisation with Entailment Feedback
We fine-tune summarisers with reinforcement learning using rewards from an entailment model, [[AlignScore|k]], alongside a length penalty. On [[XSum|d]] and [[CNN/DailyMail|d]], the resulting [[FaithRL|x]] models reduce unsupported statements by 38% according to human annotators, with a small decrease in [[ROUGE-1|k]]. Reward hacking appears when summaries become overly short, which the length penalty prevents.

Category-Level Pose Estimation for Transparent Objects
Transparent objects defeat depth sensors, making their pose hard to estimate. We create [[GlassPose|d]], 15,000 real RGB-D images of 42 glass and plastic objects with pose annotations from a motion-capture rig. Our method, [[ClearNOCS|m]], predicts normalised object coordinates from RGB alone and uses depth only as a weak cue. [[ClearNOCS|m]] improves 5-degree-5-cm accuracy over [[NOCS|x]] by 17 points on [[GlassPose|d]].
""")

batch(r"""
Spoken Language Understanding Directly from Speech Tokens
Cascaded pipelines for [[spoken language understanding|t]] ([[SLU|t]]) propagate transcription errors. We train an end-to-end model, [[TokSLU|m]], that maps discrete speech units from [[HuBERT|m]] directly to intent and slot labels. On [[SLURP|d]] and [[STOP|d]], [[TokSLU|m]] improves [[SLU-F1|k]] by 2.3 and 1.7 points over a cascade built on [[Whisper-small|m]]. Unit-based input also reduces model size by half.

[[Glacier|d]]: Multi-Temporal Imagery for Calving Front Delineation
Tracking glacier calving fronts is essential for estimating ice loss. We present [[Glacier|d]], 1,400 radar and optical images of 24 marine-terminating glaciers in Greenland and Antarctica with manually delineated calving fronts. We evaluate [[HED-UNet|m]], [[DeepLabv3+|m]] and a temporal model, [[FrontTrack|m]], that conditions on previous acquisitions. [[FrontTrack|m]] reduces mean distance error from 390 m to 260 m and is most helpful when the front is obscured by ice melange.

Dialogue State Tracking with Schema-Guided Prompting
[[Dialogue state tracking|t]] ([[DST|t]]) models struggle with unseen services. We reformulate [[DST|t]] as answering natural language questions generated from service schemas and fine-tune [[T5-Large|m]] on the resulting prompts, a method we name [[SchemaAsk|x]]. On the [[Schema-Guided Dialogue|d]] dataset and [[MultiWOZ 2.4|d]], [[SchemaAsk|x]] improves [[joint goal accuracy|k]] on unseen services by 7 points over [[D3ST|x]].

Structured State Space Models for Raw Audio Classification
We classify audio directly from waveforms with a deep stack of diagonal state space layers, avoiding spectrogram front-ends. The model, [[WaveSSM|m]], reaches 97.9% on [[Speech Commands v2|d]] and 48.2 [[mAP|k]] on [[AudioSet|d]] when pretrained on its unlabelled portion, close to [[AST|m]] despite using no spectrograms. We show that the learned first layers resemble gammatone filter banks.

Robust Aggregation for Byzantine-Tolerant Federated Learning
Malicious clients can corrupt federated training by sending adversarial updates. We propose [[TrimCos|x]], an aggregation rule that discards updates whose cosine similarity to a robust reference direction falls below an adaptive threshold. Against attacks such as [[ALIE|x]] and [[IPM|x]] on [[FEMNIST|d]] and [[Shakespeare|d]] from the [[LEAF|b]] suite, [[TrimCos|x]] maintains accuracy within 2 points of attack-free training, whereas [[Krum|x]] and [[coordinate-wise median|x]] degrade by up to 20 points.

Can Language Models Simulate Survey Respondents?
Social scientists have proposed using language models as synthetic survey respondents. We compare answers of [[GPT-4|m]], [[Llama-2-70B-Chat|m]] and [[Mixtral-8x7B-Instruct|m]], each conditioned on demographic personas, with responses to 120 questions from a national opinion survey. Model answers reproduce population averages on some questions but collapse variance within demographic groups by a factor of three. We caution against substituting language models for human respondents.

Image Super-Resolution with Implicit Neural Representations at Arbitrary Scales
We present [[ScaleINR|m]], which predicts pixel values at continuous coordinates from features of a low-resolution image with a local implicit function and a frequency-aware positional encoding. On [[DIV2K|d]], [[Set5|d]] and [[Urban100|d]], [[ScaleINR|m]] outperforms [[LIIF|x]] and [[LTE|x]] at out-of-distribution scales up to 30 times. Frequency-aware encoding is responsible for most of the improvement at large scales.

Hierarchical Reinforcement Learning for Long-Horizon Navigation in Minecraft
We train agents to follow multi-step navigation instructions in a Minecraft-like environment, [[CraftNav|b]]. A high-level policy chooses subgoals expressed as landmarks, and a low-level policy pretrained on [[MineRL|d]] trajectories reaches them. Our agent, [[Waymark|x]], completes 54% of ten-step instructions, versus 21% for a flat policy trained with [[PPO|x]]. Landmark subgoals transfer to unseen worlds without retraining.

Evaluating Large Language Models on Chemistry Lab Safety
We present [[LabSafe|b]], 1,800 questions and 400 image-based scenarios about chemical hazards, protective equipment and waste disposal, written by laboratory safety officers. Frontier models answer 70 to 78% of text questions correctly but only 45% of image-based scenarios. Models often recommend unsafe disposal of oxidisers. We recommend that [[LabSafe|b]] be used alongside capability benchmarks before deploying models in laboratory settings.

Learning Intrinsic Images from Multi-Illumination Captures
Decomposing an image into albedo and shading is ill-posed without supervision. We capture [[LightStage-IID|d]], 1,100 indoor scenes each photographed under 25 lighting conditions, which provides albedo supervision through consistency across illuminations. A network trained on [[LightStage-IID|d]], [[AlbedoNet|m]], improves [[WHDR|k]] on the [[IIW|b]] benchmark from 15.2% to 12.6% relative to methods trained on synthetic scenes.

Self-Supervised Learning for Wearable Sleep Staging
Polysomnography is the gold standard for sleep staging but is expensive. We pretrain a transformer on 700,000 nights of unlabelled wrist accelerometry and photoplethysmography and fine-tune it to predict sleep stages, obtaining [[SleepWrist|m]]. On the [[MESA|d]] cohort, [[SleepWrist|m]] achieves a Cohen's kappa of 0.68 for four-stage classification, compared with 0.59 for a model trained from scratch. The largest improvements are for light sleep.

Evaluating Data Attribution Methods at Scale
Data attribution methods estimate which training examples influenced a model's prediction. We compare [[influence functions|x]], [[TracIn|x]], [[TRAK|x]] and [[datamodels|x]] on image classifiers trained on [[CIFAR-10|d]] and language models fine-tuned on [[SST-2|d]], using counterfactual retraining as ground truth. [[TRAK|x]] achieves the best trade-off between cost and correlation with retraining, while [[influence functions|x]] are unreliable for non-convex models. We release retraining results for 50,000 subsets.

Retrieval-Augmented Image Captioning for Rare Concepts
Captioning models trained on web data rarely mention rare concepts correctly. We augment a captioner with retrieval over a memory of 40 million image-text pairs, producing [[RetCap|m]]. On [[NoCaps|b]], [[RetCap|m]] improves [[CIDEr|k]] on the out-of-domain split by 9 points over [[BLIP|m]] with the same number of trained parameters, and it mentions rare species names correctly twice as often in a manual study.

Atmospheric Correction of Hyperspectral Imagery with Physics-Guided Networks
We present [[AtmoNet|m]], a network that estimates surface reflectance from at-sensor radiance of hyperspectral imagers by predicting the parameters of a radiative transfer model rather than reflectance directly. Trained on simulations generated with [[MODTRAN|x]] and evaluated on [[AVIRIS-NG|d]] flight lines with field spectra, [[AtmoNet|m]] reduces reflectance error by 31% relative to empirical line methods while running in real time.

Estimating the Carbon Footprint of Training Recommendation Models
We measure the energy use of training 40 recommendation models in production and find that embedding table lookups dominate energy consumption, unlike in language models. Reducing embedding dimension with [[mixed-dimension embeddings|x]] cuts energy by 35% with a 0.2% loss in [[normalised entropy|k]]. We release a calculator, [[RecCarbon|x]], that estimates training energy from model configuration.

Generalisation of Learned Optimisers to Unseen Architectures
Learned optimisers promise to replace hand-designed update rules but often fail outside their training distribution. We meta-train an optimiser, [[MetaStep|x]], on a diverse task distribution including convolutional, recurrent and transformer models, and test it on architectures not seen during meta-training. [[MetaStep|x]] matches tuned [[AdamW|x]] on 11 of 14 unseen tasks and diverges on two very deep networks. Adding a fallback to [[AdamW|x]] when the learned update grows large prevents divergence.

Legal Judgement Prediction with Statute Retrieval
We predict outcomes of court cases by first retrieving relevant statutes and then classifying with a model that attends over them. On the [[ECHR|d]] and [[CAIL2018|d]] collections, the approach, [[StatLaw|x]], improves macro [[F1|k]] by 3 points over a [[LegalBERT|m]] classifier without retrieval. Retrieved statutes provide explanations that lawyers rate as relevant in 77% of cases.

[[Pinecone-Sim|x]]: Fast Differentiable Simulation of Granular Materials
Simulating sand, grain and powders with discrete element methods is slow and not differentiable. We propose [[Pinecone-Sim|x]], a learned graph-network simulator trained on trajectories generated with [[LIGGGHTS|x]] that supports gradients with respect to material parameters. [[Pinecone-Sim|x]] is 300 times faster than the numerical solver while keeping mass-flow errors below 5%, enabling gradient-based design of hopper geometries.
""")

batch(r"""
[[GLUE|b]] Is Saturated, but Is Fine-Tuning Solved? Stability of Small-Data Fine-Tuning
Fine-tuning pretrained encoders on small datasets is notoriously unstable across random seeds. Revisiting [[RTE|d]], [[MRPC|d]] and [[CoLA|d]] from [[GLUE|b]], we find that 20 to 35% of runs with [[BERT-large|m]] fail to beat a majority baseline under default settings. We trace failures to vanishing gradients in early layers and propose [[ReInitTop|x]], which reinitialises the top layers and uses bias-corrected updates. With [[ReInitTop|x]], failed runs disappear and the variance across seeds drops by a factor of four.

[[ViSTA-Bench|b]]: Visual Spatial Reasoning across Viewpoints
Spatial language such as "left of" depends on the viewer's frame of reference. We introduce [[ViSTA-Bench|b]], 9,000 image-question pairs in which the correct answer depends on whether the question adopts the camera's or an object's frame. Vision-language models including [[PaliGemma|m]], [[InternVL-Chat|m]] and [[GPT-4V|m]] answer camera-frame questions reasonably well but fall to chance when the frame is object-centred. Fine-tuning on synthetic scenes rendered with [[Blender|x]] helps only for the rendered domain.

Sociolinguistic Variation in Automatic Speech Recognition for Spanish
We evaluate recognisers on Spanish spoken in 11 countries using the [[Voces del Sur|d]] corpus, which we compiled from community radio broadcasts. Error rates vary by a factor of two across countries, with the highest errors for Caribbean and Andean varieties. Fine-tuning [[MMS-1B|m]] on five hours per variety removes most of the gap. We discuss the implications of treating Spanish as a single language in benchmark design.

Physics-Guided Machine Learning for Lake Temperature Profiles
Process-based lake models encode physical knowledge but require calibration, while neural networks require data. We train a recurrent network, [[LakePGRNN|m]], with an energy-conservation penalty and pretraining on outputs of the [[GLM|x]] hydrodynamic model. Across 68 lakes in the Midwestern United States, [[LakePGRNN|m]] reduces [[RMSE|k]] of temperature profiles by 28% relative to the calibrated process model and remains accurate with as few as ten observed profiles per lake.

The Hidden Cost of Label Imbalance in Contrastive Pretraining
Contrastive pretraining is usually studied on balanced data such as [[ImageNet|d]]. We pretrain with [[SimCLR|x]], [[MoCo v3|x]] and [[BYOL|x]] on long-tailed subsets of [[iNaturalist 2021|d]] and find that linear-probe accuracy on rare classes falls by up to 18 points compared with balanced pretraining of equal size. A resampling scheme that balances the pretraining batch by approximate clusters, [[ClusterBal|x]], recovers most of the loss without using labels.

Modelling Customer Lifetime Value with Zero-Inflated Neural Networks
Most customers of an online store never return, which makes lifetime value distributions zero-inflated and heavy-tailed. We propose [[ZILN-Net|m]], which predicts the probability of a return purchase and the parameters of a log-normal spend distribution jointly. On the [[Kaggle Acquire Valued Shoppers|d]] data and a proprietary retail dataset, [[ZILN-Net|m]] improves the normalised Gini coefficient over gradient-boosted regression. Calibrated spend predictions also improve budget allocation in simulated marketing campaigns.

Sparse Reward Robotic Assembly with Residual Policy Learning
Peg insertion and gear assembly require precise contact-rich control. We combine a hand-designed impedance controller with a residual policy learned by [[SAC|x]] from sparse success rewards, a setup we name [[ResAssemble|x]]. On 12 assembly tasks from the [[NIST Assembly Task Board|b]], [[ResAssemble|x]] achieves 93% success after two hours of real-world training, compared with 61% for the controller alone. Learned residuals mainly correct alignment errors.

Temporal Action Localisation with Query-Based Detectors
[[Temporal action localisation|t]] ([[TAL|t]]) aims to find the start and end of each action in an untrimmed video. We adapt a query-based detector, resulting in [[ActDETR|m]], with temporal deformable attention and a denoising training scheme. On [[THUMOS14|d]] and [[ActivityNet-1.3|d]], [[ActDETR|m]] achieves average [[mAP|k]] of 69.4 and 37.2, surpassing [[ActionFormer|m]] on [[THUMOS14|d]] with fewer queries.

Auditing Image Generators for Demographic Stereotypes
We prompt four text-to-image generators with 120 occupation prompts and classify perceived gender and skin tone of the generated people with an annotator panel. All generators over-represent light-skinned men for high-status occupations relative to labour statistics. A prompt-rewriting mitigation, [[FairPrompt|x]], reduces the disparity by half for [[Stable Diffusion XL|m]] but has little effect on a generator from OpenAI. We release the prompts and annotations as [[OccuGen|d]].

Detecting Road Damage from Dashcam Video on Low-Cost Hardware
Municipalities need cheap ways to survey road surfaces. We collect [[PotholeNet-24|d]], 24,000 dashcam frames with boxes for potholes, cracks and patches across six cities. A quantised [[YOLOv5n|m]] detector runs at 18 frames per second on a single-board computer and reaches 0.61 [[mAP@0.5|k]]. Temporal aggregation across consecutive frames, [[FrameVote|x]], reduces false positives from shadows by 40%.

On the Brittleness of Reward Models to Stylistic Changes
Reward models used in alignment should reflect content quality, not style. We construct paired responses that differ only in formatting, length or politeness and measure reward differences for six open reward models trained on [[HH-RLHF|d]] and [[UltraFeedback|d]]. All models prefer longer responses with bullet points, even when content is identical. Training with style-augmented pairs, a method we call [[StyleInvariant-RM|x]], reduces the length bias by 70%.

Neural Decoding of Imagined Speech from Intracranial Recordings
We decode imagined words from intracranial electrode recordings of 12 epilepsy patients performing an imagined reading task. A transformer decoder pretrained on overt speech recordings and fine-tuned per patient, [[NeuroSpeak|m]], classifies a 50-word vocabulary with 41% top-1 accuracy, compared with 2% chance. Electrodes over the ventral sensorimotor cortex contribute most. We discuss ethical constraints on clinical neural data.

Balancing Exploration and Safety in Clinical Dosing with Constrained Bandits
Dose-finding trials must explore doses while avoiding toxicity. We formulate dose finding as a constrained contextual bandit and propose [[SafeDose-TS|x]], a Thompson sampling algorithm with a posterior constraint on toxicity probability. In simulations calibrated to warfarin dosing data from the [[IWPC|d]] cohort, [[SafeDose-TS|x]] reaches target doses faster than the [[continual reassessment method|x]] while violating toxicity limits in fewer than 1% of patients.

Efficient Neural Architecture Search with Zero-Cost Proxies Revisited
Zero-cost proxies promise to rank architectures without training. On [[NAS-Bench-201|b]], [[NAS-Bench-101|b]] and [[TransNAS-Bench-101|b]], we show that most proxies correlate with accuracy no better than parameter count. A combination of proxies learned with a small amount of supervision, [[ProxyMix|x]], achieves a Kendall tau of 0.72 on [[NAS-Bench-201|b]]. Search with [[ProxyMix|x]] finds architectures within 0.4 points of the best in the space.

Vocabulary Expansion for Adapting Language Models to New Scripts
Models pretrained mostly on Latin-script text tokenise other scripts inefficiently. We extend the vocabulary of [[Llama-2-7B|m]] with 16,000 tokens for Tamil, Telugu and Kannada and initialise new embeddings as averages of subword embeddings, a procedure we name [[VocabGraft|x]]. After continued pretraining on 5 billion tokens, the adapted model reduces sequence length by 60% and improves accuracy on [[IndicXNLI|d]] and [[IndicQA|b]] by 4 to 7 points.
""")

batch(r"""
[[SpecFormer-L|m]]: Spectral Attention for Hyperspectral Mineral Mapping
Mineral mapping from airborne hyperspectral cubes requires modelling narrow absorption features across hundreds of bands. We present [[SpecFormer-L|m]], a transformer that attends along the spectral axis with absorption-aware positional encodings before mixing spatial context. On the [[Cuprite-HX|d]] and [[Atacama Sweep|d]] scenes, [[SpecFormer-L|m]] improves overall accuracy by 6.8 points over [[HybridSN|m]] and by 3.1 points over [[SpectralGPT-S|m]]. We also release [[MinSpec-40|d]], a library of 40 field-validated mineral spectra used for pretraining.

Sample-Efficient Preference Learning with Active Query Selection
Collecting pairwise preferences from annotators is slow. We propose [[InfoPair|x]], which selects the response pairs whose comparison is expected to reduce reward-model uncertainty the most. Compared with random selection and with the disagreement heuristic of [[QBC-Pref|x]], [[InfoPair|x]] reaches the same reward accuracy on the [[Marigold-Prefs|d]] collection with 45% fewer labels. Policies trained with rewards learned from [[InfoPair|x]] queries are preferred by held-out raters over those trained on random queries.

Few-Shot Font Generation with Component-Level Style Transfer
Designing a complete font for logographic scripts requires thousands of glyphs. We present [[GlyphLoom|m]], which decomposes characters into components and transfers style from a handful of reference glyphs at the component level. Evaluated on the [[Inkwell-CJK|d]] dataset with eight reference glyphs per font, [[GlyphLoom|m]] lowers [[FID|k]] from 21.4 to 14.9 relative to [[FontMixer|m]] and improves user preference in a study with 30 designers. Component decomposition also makes the model robust to rare characters.

Contrastive Alignment of Tabular and Textual Patient Records
Hospital records mix structured measurements with free-text notes. We learn a joint embedding of both modalities, [[RecordPair|m]], by contrasting tabular summaries of a hospital stay with the corresponding notes. On the [[Westbrook EHR|d]] cohort, [[RecordPair|m]] embeddings improve readmission prediction [[AUROC|k]] by 3.4 points over text-only embeddings from [[ClinNote-BERT|m]] and by 5.1 points over tabular gradient boosting. Retrieval of similar patients becomes markedly more clinically coherent.

[[Halyard|x]]: Adaptive Batch Scheduling for Distributed Training on Preemptible Instances
Cloud preemptible instances are cheap but disappear without warning. We present [[Halyard|x]], a training scheduler that resizes the global batch and rescales learning rates when workers join or leave, while preserving the optimiser's effective noise scale. Training a 1.3B-parameter model with [[Halyard|x]] on preemptible instances costs 62% less than on dedicated instances and reaches the same validation loss as a fixed-size run. Compared with the elastic scheduler [[Bungee|x]], [[Halyard|x]] loses less progress after each preemption.

Recognising Fish Species from Underwater Sonar Imagery
Acoustic cameras see through turbid water but produce low-resolution, noisy images. We introduce [[SonarReef|d]], 18,000 sonar clips from river monitoring stations annotated with species for 11 migratory fish. A temporal classifier, [[EchoFin|m]], that aggregates features over each fish's track reaches 78% accuracy, compared with 64% for a frame-level [[ShoalNet|m]] classifier. Species with similar body shapes remain confusable, which the per-class analysis highlights.

Reward-Free Curriculum Generation for Open-Ended Agents
We study open-ended learning, where agents should acquire ever more complex skills without a fixed reward. Our method, [[Ridgeline|x]], generates environment configurations at the frontier of the agent's competence by training a generator to maximise the agent's learning progress. In the [[Terrarium-2D|b]] suite, [[Ridgeline|x]] agents master 41 of 50 held-out challenges, whereas agents trained with the prioritised replay curriculum [[PLR-Prime|x]] master 28. The generated curriculum progresses from flat terrain to moving obstacles without supervision.

A Benchmark for Citation Intent in Software Engineering Papers
Why a paper cites another shapes how citation graphs should be used. We annotate 9,200 citations from software engineering papers with seven intents, forming [[CiteWhy-SE|b]]. Classifiers transferred from the general-domain [[IntentCite|d]] corpus reach only 0.48 macro [[F1|k]], while fine-tuning [[SEBERT-Base|m]] on [[CiteWhy-SE|b]] reaches 0.69. Intents that compare against a cited tool are the hardest to detect.

Modelling Wildfire Spread with Neural Cellular Automata
Operational wildfire models rely on hand-tuned spread equations. We learn the local update rule of a cellular automaton from satellite burn-scar sequences, obtaining [[EmberCA|m]]. On 310 fires from the [[Firescape-NA|d]] archive, [[EmberCA|m]] predicts next-day burned area with an intersection-over-union of 0.64, versus 0.51 for the physics-based [[FARSITE-Lite|x]] simulator. Learned rules respond plausibly to wind and slope when probed with synthetic inputs.

Query Rewriting for Voice Assistants with Error-Aware Generation
Voice assistants fail when recognition errors corrupt a request. We propose [[ReQuery|x]], a generator that rewrites the top recognition hypothesis into a likely intended request, conditioned on the n-best list and on recent user history. On [[AssistLogs-9M|d]], a de-identified sample of assistant traffic, [[ReQuery|x]] reduces defect rate by 21% relative to the production rewriter [[PhraseFix|x]]. Online A/B tests confirm fewer user rephrasings.

[[Cormorant|m]]: A Multilingual Speech Foundation Model for Under-Resourced Languages
We pretrain [[Cormorant|m]] on 410,000 hours of untranscribed speech in 1,200 languages with a masked-prediction objective over learned codebooks. Fine-tuned with one hour of transcribed speech per language, [[Cormorant|m]] reduces average [[character error rate|k]] on the [[Babel-Lite|b]] evaluation by 19% relative to [[XLS-Echo|m]]. Gains are largest for tonal languages, which we attribute to the inclusion of pitch features in the codebook targets.

Detecting Microplastics in Microscopy Images with Weak Labels
Counting microplastic particles in filtered water samples is tedious. We collect [[PlastiScope|d]], 3,700 fluorescence microscopy images with particle counts and a small subset of 200 images with polygon masks. We train [[MicroCount-W|m]] with count-level supervision and a mask-consistency term on the labelled subset. [[MicroCount-W|m]] counts particles with a mean relative error of 8%, matching an expert annotator and outperforming the thresholding pipeline [[FluoSeg|x]].

Parameter Sharing Across Depth for Efficient Speech Recognition
Repeating layers with shared parameters reduces model size but limits capacity. We propose [[LoopConformer|m]], which shares parameters across groups of layers and adds small layer-specific adapters. On [[Hollis-Read|d]] and [[Hollis-Conv|d]], two English recognition corpora, [[LoopConformer|m]] with 30M parameters matches the [[WER|k]] of a 110M-parameter unshared baseline, and beats the shared-weight model [[ALBERT-ASR|m]] by 9% relative.

Detecting Coordinated Inauthentic Behaviour with Temporal Hypergraphs
Coordinated campaigns on social media involve groups of accounts acting together. We represent co-activity as a temporal hypergraph and propose [[HyperSync|m]], which learns representations of hyperedges from timing and content similarity. On three campaigns documented by platform transparency reports and the [[SockPuppet-22|d]] dataset, [[HyperSync|m]] detects coordinated accounts with [[AUPRC|k]] of 0.82, compared with 0.67 for the pairwise graph method [[CoordGraph|x]].

Grounding Robot Instructions in 3D Scene Graphs
Household robots must resolve references such as "the mug next to the kettle". We construct 3D scene graphs from RGB-D scans and train a grounding model, [[SceneRef|m]], that matches instructions to graph nodes with a relational transformer. On the [[HomeRefer|b]] benchmark and in 80 real-world trials, [[SceneRef|m]] resolves 86% of references, compared with 72% for a baseline that ignores spatial relations, [[FlatGround|x]]. Most remaining errors involve ambiguous instructions.

Active Learning for Protein Stability Engineering
Experimental measurements of protein stability are expensive. We propose [[StableSearch|x]], a batch active learning strategy that selects mutants by expected improvement under an ensemble of fine-tuned protein language models. In retrospective experiments on the [[Tsuboyama-Mega|d]] stability data and prospective experiments on two enzymes, [[StableSearch|x]] finds stabilising mutations with 3 times fewer measurements than random screening and 1.7 times fewer than greedy selection with [[ProtLM-Fit|x]].

Adversarial Robustness of Lane Detection in Autonomous Driving
Lane detectors are safety-critical but rarely evaluated against adversarial perturbations. We design physically realisable road-marking attacks and evaluate four detectors, including [[LaneATT|m]] and our baseline [[LaneWeave|m]], on the [[Tarmac-Lanes|d]] dataset. Small painted patches cause lane deviations of more than one metre in 36% of frames. Adversarial training with patches rendered by [[PatchPaint|x]] reduces the failure rate to 9% with a small loss in clean [[F1|k]].
""")

batch(r"""
The [[Quayside|d]] Corpus: Port Logistics Documents for Information Extraction
Shipping documents such as bills of lading and customs declarations are semi-structured and multilingual. We release the [[Quayside|d]] corpus, 26,000 scanned port documents in English, Spanish and Mandarin annotated with 31 field types. Layout-aware extractors such as [[DocWeave-Base|m]] reach 0.83 field-level [[F1|k]], but performance drops to 0.61 on handwritten annotations. A two-stage pipeline that first classifies document templates, [[TemplateFirst|x]], narrows this gap by 9 points.

Certified Unlearning for Gradient-Boosted Trees
Data protection law grants users the right to have their data removed from trained models. We design [[ForgetTree|x]], an unlearning procedure for gradient-boosted decision trees that updates split statistics and retrains only affected subtrees, with a certificate bounding the difference from full retraining. On [[Creditline-50M|d]] and [[ClickFarm|d]], [[ForgetTree|x]] removes 1,000 records 140 times faster than retraining while keeping predictions within 0.1% of a retrained model. We compare with the randomised tree method [[DaRE-Forest|x]].

Learning to Grade Handwritten Physics Exams
Grading open-ended physics answers is time-consuming for instructors. We collect [[ExamInk|d]], 58,000 scanned answers from first-year university exams with instructor scores and rubric annotations. A model that reads handwriting with [[InkRead-3|m]] and scores against rubric items with a fine-tuned language model, [[RubricGrader|x]], agrees with instructors within one point on 81% of answers. Disagreements are concentrated on answers with diagrams.

Sparse Mixture Priors for Bayesian Neural Networks
Gaussian priors on neural network weights are convenient but poorly matched to trained weight distributions. We propose [[SpikeSlab-VI|x]], a variational scheme with spike-and-slab priors that prunes weights during inference. On [[Meridian-UCI|b]] regression tasks and on image classification with [[WideResNet-28-10|m]], [[SpikeSlab-VI|x]] improves test log-likelihood over mean-field Gaussian inference and [[MC-Drop|x]] while removing 70% of the weights. Predictive uncertainty on out-of-distribution inputs is also better calibrated.

Compositional Generalisation in Semantic Parsing via Grammar-Constrained Decoding
Sequence-to-sequence parsers fail to generalise to novel combinations of known primitives. We show that constraining decoding with a grammar inferred from training programs, a method we name [[GramLock|x]], raises accuracy on the compositional split of [[CFQ-Lite|b]] from 34% to 71% and on [[SCAN-Turn|b]] from 12% to 96%. Constraining alone is insufficient for length generalisation, which additionally requires relative positional encodings.

Fleet-Level Predictive Maintenance for Wind Turbines
Turbine failures are rare, so models trained per turbine see few examples. We pool sensor data across a fleet of 1,400 turbines and train [[TurbiNet|m]], a temporal convolutional model with turbine-specific embeddings. On the [[Gale Ridge|d]] fleet data, [[TurbiNet|m]] predicts gearbox failures 30 days in advance with 74% recall at 5% false alarm rate, doubling the recall of the rule-based [[SCADA-Alert|x]] system in use. We analyse which sensor channels drive early warnings.

[[Moraine|b]]: A Benchmark for Long-Term Memory in Conversational Agents
Assistants that converse with users over months must remember and update personal facts. We construct [[Moraine|b]], 600 synthetic multi-session conversations spanning up to 40 sessions, with questions that test recall, update and temporal reasoning. Memory-augmented agents such as [[MemoBank|x]] and [[RecallChain|x]] answer recall questions well but fail on updates, often reporting outdated facts. A memory consolidation step that resolves conflicts, [[Reconcile|x]], improves update accuracy from 38% to 67%.

Pose-Guided Video Generation of Dance Sequences
We present [[Tarantella|m]], a video diffusion model that generates dance videos of a target person from a single image and a sequence of skeletal poses. A temporal attention module conditioned on pose differences keeps clothing and identity consistent. On the [[StepSync|d]] dance dataset, [[Tarantella|m]] improves [[FVD|k]] by 24% over [[PoseAnimate|m]] and is preferred by viewers in 69% of side-by-side comparisons. Failure cases include rapid spins and occluded hands.

Counterfactual Evaluation of Ad Auctions with Off-Policy Estimators
Changing an ad auction's reserve price affects both revenue and user experience. We evaluate reserve-price policies offline with a doubly robust estimator adapted to auction logs, which we call [[AuctionDR|x]]. On logs from [[BidStream|d]], an advertising platform dataset we release, [[AuctionDR|x]] predicts the revenue of 12 policies later tested online with a median error of 1.8%, compared with 6.5% for inverse propensity scoring. Variance is the main challenge for aggressive policies.

Compressing Vision-Language Models for Mobile Captioning
Vision-language captioners are too large for phones. We distil a 7B-parameter teacher into [[PocketCap|m]], a 300M-parameter captioner with a compact vision encoder and a four-layer decoder. On [[Lumen-Caps|b]] and [[Flickr8k|d]], [[PocketCap|m]] retains 92% of the teacher's [[CIDEr|k]] while generating a caption in 80 ms on a recent phone. Distillation of intermediate attention maps improves object mentions more than logit distillation alone.

Multi-Resolution Modelling of Ocean Eddies
Mesoscale ocean eddies are under-resolved in climate models. We train [[EddyNet-MR|m]], a multi-resolution neural parameterisation that predicts subgrid momentum fluxes from coarse fields, using high-resolution simulations from the [[Gulfstream-HR|d]] ensemble. Coupled to a coarse ocean model, [[EddyNet-MR|m]] reproduces the kinetic energy spectrum of the high-resolution run and remains stable for 50 simulated years, whereas the baseline closure [[Backscatter-K|x]] drifts after ten.

Evaluating Text Embeddings for Patent Prior-Art Search
Patent examiners search for prior art with Boolean queries. We construct [[PriorArt-1M|b]], one million patent families with examiner citations as relevance labels, and evaluate general-purpose embedding models and the patent-specific encoder [[PatentSage|m]]. General models perform poorly on claims written in legal language, while [[PatentSage|m]] improves [[MAP|k]] by 31% relative. Combining dense retrieval with examiner-style keyword queries yields the best results.

Curiosity-Driven Exploration with Episodic Count Estimates
Count-based exploration is effective in small state spaces but hard to scale. We estimate episodic visitation counts with a learned locality-sensitive hash over representations trained with an inverse dynamics loss, yielding [[HashCount-E|x]]. On sparse-reward tasks from the [[Labyrinthine|b]] suite, [[HashCount-E|x]] solves 14 of 16 tasks, compared with 9 for [[EpiCurious|x]] and 6 for a random network distillation baseline. The learned hash ignores distracting background noise.

[[Tamarind|m]]: Efficient Multilingual Tokenisation with Morphological Priors
Byte-pair encoding fragments words in morphologically rich languages. We present [[Tamarind|m]], a tokeniser that biases merges toward morpheme boundaries identified by an unsupervised segmenter. Language models trained with [[Tamarind|m]] on the [[Poly-40|d]] multilingual corpus achieve lower bits per character than models using [[SentencePiece|x]] in 31 of 40 languages, with the largest gains for Finnish, Turkish and Swahili.

Noise-Robust Pose Graph Optimisation for Legged Robot SLAM
Legged robots experience impacts that corrupt inertial measurements. We propose [[KneeSLAM|x]], a pose-graph formulation that models leg kinematics as additional factors and down-weights inertial factors during detected impacts. On the [[TrotTrack|d]] dataset of 28 quadruped runs, [[KneeSLAM|x]] reduces absolute trajectory error by 43% relative to visual-inertial odometry from [[VINS-Core|x]].

Predicting Reading Difficulty of Children's Books
Teachers need reliable estimates of how hard a book is for a child. We compile [[ShelfLevels|d]], 6,500 children's books with graded reading levels assigned by librarians, and compare traditional readability formulas with neural models. A hierarchical transformer over sentences, [[ReadLevel|m]], predicts the level within one grade for 84% of books, while the [[Flesch-Kincaid|k]] formula achieves 52%. Errors are largest for poetry and picture books.

Stochastic Weight Averaging Improves Generalisation in Graph Learning
Averaging weights along the optimisation trajectory improves generalisation in image classification. We show that the same holds for graph neural networks, with a modification: averaging only the message-passing layers while keeping the readout from the final iterate. This variant, [[SWA-MP|x]], improves accuracy on [[Pelagic-Graphs|b]], a suite of 14 node and graph classification tasks, by 1.2 points on average over standard training and by 0.6 points over averaging all parameters.
""")

batch(r"""
Relation Extraction from Materials Science Literature with Distant Supervision
[[Relation extraction|t]] ([[RE|t]]) for materials science must link compounds, properties and synthesis conditions scattered across sentences. We align 40,000 papers with the [[CrystalFacts|d]] database to obtain distant labels and train [[MatRel|m]], a document-level extractor with entity-pair attention. On a manually annotated test set, [[MatRel|m]] reaches 0.57 [[F1|k]], improving on sentence-level extraction with [[MatSciBERT-R|m]] by 12 points. Noise from distant labels is reduced with a confidence-based reweighting, [[DistantTrim|x]].

Aspect-Based Sentiment Analysis for Hotel Reviews in Low-Resource Settings
[[Aspect-based sentiment analysis|t]] ([[ABSA|t]]) identifies opinions about specific aspects such as cleanliness or staff. We annotate 8,000 hotel reviews in Greek and Bulgarian, forming the [[Hostel-ABSA|d]] dataset, and compare cross-lingual transfer from English with translate-train approaches. Translate-train with [[PolyGloss-NMT|m]] followed by fine-tuning of [[EuroEnc-L|m]] performs best, reaching 71% aspect-sentiment [[F1|k]]. Implicit aspects, which are never named in the review, remain the main difficulty.

Object Re-Identification in Livestock Farming
Monitoring individual cows in barns supports early disease detection. [[Re-identification|t]] ([[ReID|t]]) of animals is harder than of people because coat patterns change with viewpoint and dirt. We collect [[HerdID|d]], 92,000 images of 410 dairy cows from ceiling cameras, and train [[CoatMatch|m]], which combines global appearance with keypoint-aligned local patches. [[CoatMatch|m]] achieves a [[rank-1 accuracy|k]] of 91.3%, against 84.0% for the person re-identification model [[OSNet-Lite|m]].

Keyphrase-Guided Summarisation of Earnings Call Transcripts
Earnings calls are long and full of boilerplate. We present [[CallDigest|x]], which extracts keyphrases about guidance and risks and then conditions an abstractive summariser on them. On [[EarnCall-Sum|d]], 2,100 transcripts with analyst-written summaries, [[CallDigest|x]] improves [[ROUGE-L|k]] by 2.4 and factual consistency by 11% over a summariser without keyphrase guidance. Analysts rated the summaries as more useful for investment decisions.

Monocular Visual Odometry for Planetary Rovers
Planetary terrain is feature-poor and lit by a harsh, low sun. We train [[DuneVO|m]], a self-supervised visual odometry network with a sun-direction-aware photometric loss, on imagery from the [[Ares Yard|d]] analogue site. [[DuneVO|m]] reduces relative translation error by 38% compared with the classical [[ORB-Trek|x]] pipeline and by 21% compared with a self-supervised baseline without the sun-aware term. Results on archival rover imagery are also reported.

Learning Dispatching Policies for Ride-Hailing with Mean-Field Reinforcement Learning
Dispatching thousands of vehicles is a large multi-agent problem. We adopt a mean-field approximation in which each vehicle responds to the average behaviour of its neighbours and train a shared policy, [[MeanDispatch|x]], with actor-critic updates. In a simulator built from the [[Metrotrip-NYC|d]] trip records, [[MeanDispatch|x]] increases completed orders by 6.1% over a combinatorial matching baseline and by 2.7% over [[CoRide-Q|x]], while reducing passenger wait times.

Evaluating Factuality of Biographies Generated by Language Models
We ask models to write biographies of 5,000 people of varying prominence and decompose the outputs into atomic facts verified against an encyclopaedia. The resulting benchmark, [[BioFacts-5K|b]], reveals that factual precision falls from 87% for prominent people to 41% for obscure ones across models including [[Juniper-70B|m]] and [[Aster-13B|m]]. Retrieval augmentation raises precision for obscure people to 68% but adds errors when retrieved pages are about namesakes.

Joint Learning of Audio Source Separation and Transcription for Piano Duets
Transcribing duets requires separating two pianos with nearly identical timbre. We train [[DuoScore|m]] jointly for source separation and note transcription, letting transcription errors guide separation. On [[Twin Keys|d]], a dataset of 60 hours of recorded duets with aligned MIDI that we release, [[DuoScore|m]] achieves a note-level [[F1|k]] of 0.81 per performer, against 0.66 for a pipeline of separation followed by the transcriber [[Onsets-Lite|m]].

Graph Rewiring Reduces Oversquashing in Molecular Property Prediction
Information from distant atoms is compressed through bottleneck edges in message passing. We propose [[CurvRewire|x]], which adds edges across regions of negative curvature while limiting the change in graph spectrum. On the [[Peptides-Struct|d]] and [[Peptides-Func|d]] long-range tasks, [[CurvRewire|x]] improves [[GatedGCN-Q|m]] by 8% and 5% respectively and closes much of the gap to graph transformers at lower cost.

Benchmarking Vision Models on Archaeological Pottery Sherds
Classifying pottery fragments by type and period assists excavation teams. We release [[ShardArchive|b]], 31,000 photographs of sherds from 14 sites in the Mediterranean with typology and period labels assigned by specialists. Self-supervised features from [[Terracotta-ViT|m]] outperform supervised [[ImageNet|d]] features by 9 points in few-shot period classification. Fragments under 2 cm remain hard for all methods.

[[Basalt|m]]: Foundation Models for Geological Core Imaging
Drilled rock cores are photographed and described by geologists, a slow process. We pretrain [[Basalt|m]], a vision transformer, on 2.4 million core images with masked-image modelling and fine-tune it for lithology classification and fracture detection. On the [[Coreshed-12|b]] suite, [[Basalt|m]] improves lithology accuracy by 7 points over a model pretrained on [[ImageNet|d]] and halves the annotation needed to reach a target accuracy.

Debiasing Image Classifiers with Concept Bottlenecks
Classifiers may rely on spurious background concepts. We insert a bottleneck of human-interpretable concepts predicted by a vision-language model and train the final classifier only on concepts that domain experts mark as causally relevant, a method we call [[CausalCBM|x]]. On [[Waterbirds|d]] and [[CelebA|d]], [[CausalCBM|x]] improves worst-group accuracy by 11 and 7 points over standard fine-tuning, and approaches [[GroupDRO|x]] without requiring group labels.

Online Speaker Adaptation for Text-to-Speech in Audiobooks
Audiobook narration must stay consistent across hours of speech. We propose [[NarratorLock|x]], which adapts a pretrained synthesiser online to a target narrator with a small speaker-embedding update after every chapter. In listening tests on the [[Chapterhouse|d]] audiobook corpus, [[NarratorLock|x]] achieves higher speaker similarity and consistency ratings than one-shot adaptation with [[VoiceClone-Zero|m]]. Computation per chapter is under one minute on a single GPU.

Cross-Domain Sequential Recommendation with Shared User Intents
Users of a streaming platform watch films and listen to music, but recommenders for each domain are trained separately. We propose [[BridgeRec|m]], which learns intent representations shared across domains with a contrastive loss on overlapping users. On the [[Spectrum Media|d]] dataset covering films, music and podcasts, [[BridgeRec|m]] improves [[HR@10|k]] by 8% for users with few interactions in the target domain, compared with the single-domain [[SeqRec-Plus|m]].

Physics-Constrained Super-Resolution of Climate Simulations
We downscale coarse climate model output with [[ClimaSR|m]], a super-resolution network whose output layer enforces conservation of mass and energy through a constrained projection. Trained on paired coarse and fine runs of the [[Cirrus-25|d]] ensemble, [[ClimaSR|m]] matches the accuracy of an unconstrained network while violating conservation by less than 0.01%, compared with 3% for the unconstrained model. Constraints also improve extrapolation to a warmer climate scenario.
""")

batch(r"""
[[Mosaic|x]]-Style Augmentation Hurts Small Object Detection in Aerial Images
[[Mosaic|x]]-style augmentation, which tiles four training images into one, is a default in many detection pipelines. We show that on aerial imagery it systematically hurts small objects because tiling is followed by downscaling. On [[AirTiny|d]] and the vehicle subset of [[Overwatch-5|d]], removing [[Mosaic|x]] improves [[AP|k]] for objects under 16 pixels by 3.2 points for a [[Falcon-Det|m]] detector. We propose [[TileKeep|x]], which tiles crops at native resolution, and recovers the benefits of tiling for large objects.

Following [[ProtoRead|x]]: Retrieval-Conditioned Few-Shot Classification of Legal Clauses
Following [[ProtoRead|x]], we classify contract clauses by comparing them with retrieved labelled clauses, but we replace fixed prototypes with a cross-encoder that attends jointly to the query and each retrieved example. The resulting model, [[ClauseMatch|m]], reaches 78% accuracy on 41 clause types from [[ContractHub|d]] with five examples per type, compared with 69% for [[ProtoRead|x]]. Retrieval errors account for most remaining mistakes.

Pretrained on [[Sundial-1B|d]]: Transferable Representations for Solar Panel Inspection
We pretrain a masked autoencoder on [[Sundial-1B|d]], a collection of one billion unlabelled thermal and visible image patches from solar farm drone inspections. The resulting encoder, [[HelioMAE|m]], transfers to hotspot detection, soiling estimation and crack segmentation with small labelled sets. On the [[PVDefect|b]] benchmark, [[HelioMAE|m]] improves average [[F1|k]] by 6 points over an encoder pretrained on natural images. Thermal pretraining is most beneficial for hotspot detection.

On the Limits of Synthetic Data for Clinical Named Entity Recognition
Large language models can generate synthetic clinical notes for training extractors without exposing patient data. We train extractors on notes synthesised by [[Thistle-70B|m]] and evaluate on real notes from [[Larkspur Clinical|d]]. Extractors trained on synthetic notes alone reach 81% of the [[F1|k]] obtained with real training notes; mixing 10% real notes closes the gap to 96%. Synthetic notes under-represent abbreviations and misspellings, which account for most errors.

Adaptive Mesh Refinement with Reinforcement Learning for Finite Element Simulations
Choosing where to refine a finite element mesh is usually guided by error estimators and heuristics. We frame refinement as a sequential decision problem and train a graph-based policy, [[MeshMind|x]], with a reward that trades accuracy against element count. On elasticity and heat-transfer problems from the [[FEMZoo-2D|b]] suite, [[MeshMind|x]] reaches a target error with 35% fewer elements than refinement driven by the [[Zienkiewicz-Zhu|x]] estimator. The policy generalises to unseen geometries.

Query-Efficient Black-Box Attacks on Speech Recognisers
Speech recognition services expose only transcripts. We propose [[EchoAttack|x]], a black-box attack that estimates gradients with a learned surrogate of the target's decision boundary and perturbs audio within a psychoacoustic masking threshold. Against three commercial services and the open [[Marlin-ASR|m]] model, [[EchoAttack|x]] achieves targeted success rates of 62 to 88% with under 2,000 queries, ten times fewer than [[Occam-Audio|x]]. We disclosed the attack to the service providers.

Temporal Point Processes for Modelling Patient Visits
Hospital visits occur irregularly and depend on past events. We propose [[VisitHawkes|m]], a neural Hawkes process with event-type embeddings shared across patients and a hazard that depends on recent diagnoses. On visit sequences from the [[Riverside Health|d]] cohort, [[VisitHawkes|m]] improves next-visit time log-likelihood over [[THP|m]] and [[RMTPP|m]] and predicts emergency admissions 30 days ahead with an [[AUROC|k]] of 0.79.

A Large-Scale Benchmark for Code Translation between Legacy Languages
Migrating legacy codebases requires translating programs written in COBOL, Fortran and Pascal into modern languages. We construct [[RelicCode|b]], 14,000 paired programs with unit tests, and evaluate eight code models. The best model, [[Pylon-34B|m]], passes tests for 47% of COBOL-to-Java translations, while smaller models rarely exceed 20%. Iterative repair using compiler feedback, a setup we call [[CompileLoop|x]], raises the pass rate of [[Pylon-34B|m]] to 61%.

[[Thornbush|x]]: Robust Aggregation of Noisy Crowd Annotations for Segmentation
Crowd annotations of segmentation masks vary in quality and boundary placement. We present [[Thornbush|x]], which models each annotator with a spatially varying confusion map and infers a consensus mask by expectation maximisation. On crowd-annotated versions of [[Meadow-Seg|d]] and [[Quarry-Seg|d]], [[Thornbush|x]] produces consensus masks with 4 points higher [[IoU|k]] than majority voting and 2 points higher than [[STAPLE|x]].

Learned Indexes for Time Series Databases
Time series databases index data by time, which makes range queries over values slow. We propose [[ChronoIndex|x]], a learned index that models the cumulative distribution of values within each time partition with small piecewise-linear models. On the [[Sensorium-TS|d]] workload, [[ChronoIndex|x]] answers value-range queries 5.3 times faster than a B-tree index while using 40% less memory. Updates are handled by periodic retraining of affected partitions.

Understanding the Failure Modes of Instruction-Following Image Editors
Instruction-based image editors often change the wrong region or ignore the instruction. We collect 3,000 edit requests and human judgements of edits produced by [[EditFlow|m]], [[MagicTweak|m]] and [[PixRevise|m]], forming [[EditAudit|b]]. Failures cluster into five categories, with spatial instructions and counting being the most frequent. A verification step that checks edits with a vision-language model, [[EditCheck|x]], rejects 70% of failed edits at a 10% false rejection rate.

Multi-Fidelity Bayesian Optimisation for Hyperparameter Tuning of Large Models
Tuning large models is expensive, but cheap proxies such as small models are biased. We propose [[ProxyBO|x]], a multi-fidelity Bayesian optimiser that learns the correlation between proxy and target performance with a deep kernel. Tuning learning rates and warmup for a 1B-parameter model on the [[Lantern-LM|d]] corpus, [[ProxyBO|x]] finds configurations within 0.5% of the best found by exhaustive search at 8% of the cost, outperforming [[Hyperband|x]] and [[BOHB|x]].

Robust Fingerprint Matching with Minutiae-Aware Transformers
Partial and distorted fingerprints are hard to match. We propose [[MinuTrans|m]], which attends over detected minutiae and dense ridge features jointly. On the [[Latent-Prints-3|d]] and [[Ridgeway FVC|d]] collections, [[MinuTrans|m]] reduces the [[equal error rate|k]] by 35% compared with [[MinuNet|m]], with larger gains on latent prints from crime scenes. We discuss the legal implications of deploying such systems.

Agents That Ask: Clarification Questions in Embodied Instruction Following
Ambiguous instructions cause embodied agents to act wrongly. We train agents to decide when to ask a clarification question and what to ask, using a value-of-information criterion, and name the approach [[AskFirst|x]]. In the [[Homestead-Sim|b]] environment with 1,500 ambiguous instructions, [[AskFirst|x]] agents ask in 34% of episodes and raise task success from 51% to 73%, while agents that always ask annoy simulated users and achieve 66%.

Sensor Fusion for Fall Detection in Care Homes with Privacy-Preserving Radar
Cameras in bedrooms raise privacy concerns. We combine millimetre-wave radar with bed pressure sensors and train [[FallGuard|m]], a recurrent model that classifies falls, bed exits and normal movements. On 420 hours of recordings from the [[Elmwood Care|d]] deployment, [[FallGuard|m]] detects 96% of falls with 0.3 false alarms per day, whereas a radar-only model from prior work, [[RadarFall|m]], detects 89% with 1.1 false alarms.
""")

batch(r"""
[[Wayfarer|m]]: Map-Free Visual Localisation for Delivery Drones
Delivery drones must localise in cities where GPS is degraded by tall buildings. We present [[Wayfarer|m]], which regresses metric pose relative to a single reference photograph of the delivery address taken by the customer. On [[Rooftop-Pairs|d]], 12,000 drone-to-phone image pairs from four cities, [[Wayfarer|m]] localises within one metre in 71% of cases, compared with 52% for the relative-pose network [[PairPose|m]] and 38% for feature matching with [[KeyGlue|x]]. Failures mostly occur at night.

Diagnosing Shortcut Learning in Speech Deepfake Detectors
Speech anti-spoofing systems report near-perfect scores on standard benchmarks. We find that detectors trained on [[SpoofArena-19|d]] rely on the duration of leading silence, which differs between genuine and spoofed recordings. Trimming silence reduces the [[equal error rate|k]] advantage of [[RawGuard|m]] over a trivial silence-length classifier from 9 points to 1. We release [[SpoofArena-Trim|d]], a re-processed version without this artefact, and report that a model trained with codec augmentation, [[CodecMix|x]], is the most robust.

Policy Distillation across Embodiments with Shared Action Latents
Policies trained for one robot rarely transfer to another. We learn an action latent space shared across embodiments by training embodiment-specific encoders and decoders with a cycle-consistency loss, and distil a single policy, [[OmniArm|x]], operating in that space. On the [[Gripworld|b]] simulation suite with seven arms, [[OmniArm|x]] reaches 83% of the performance of embodiment-specific experts and transfers zero-shot to an unseen arm with 61% success, against 12% for [[DirectMap|x]].

Learning to Detect Glacial Lake Outburst Risks from Multispectral Time Series
Glacial lakes can burst and flood valleys downstream. We compile [[Moraine Lakes|d]], annual multispectral images of 2,300 glacial lakes in the Himalaya and Andes, 47 of which had documented outbursts. A temporal model, [[LakeWatch|m]], that tracks lake area and dam condition ranks outburst lakes in the top 10% of risk for 38 of 47 events. The hazard index [[GLOF-Score|k]] used by agencies ranks 24 in the top 10%.

Retrieval Heads in Long-Context Transformers
We identify a small set of attention heads, fewer than 5% of all heads, that copy information from distant context in long-context models. Masking these heads in [[Kittiwake-8B|m]] and [[Loon-13B|m]] reduces accuracy on the [[ScrollFind|b]] retrieval tasks to chance while barely affecting [[perplexity|k]]. Heads that perform retrieval emerge early in pretraining and are consistent across random seeds. We discuss implications for compressing key-value caches by preserving only retrieval heads, a strategy we call [[HeadKeep|x]].

Multi-View Crop Yield Prediction from Smallholder Photos
Yield estimates in smallholder farming rely on manual crop cuts. We ask farmers to photograph plots from three viewpoints with a phone and train [[YieldLens|m]], which fuses the views with an attention module. On [[Harvest Moon|d]], 5,400 plots with measured yields in Ethiopia and Tanzania, [[YieldLens|m]] predicts yield with an [[R2|k]] of 0.71, compared with 0.49 for satellite-based estimates from [[AgriSat-Yield|x]].

Robust Handwriting Recognition with Writer-Adaptive Normalisation
Handwriting recognisers degrade on writers with unusual slant or letter spacing. We propose [[WriterNorm|x]], a normalisation layer whose statistics are computed per writer from a few lines of unlabelled text. Applied to the recogniser [[QuillHTR|m]], [[WriterNorm|x]] reduces [[character error rate|k]] by 17% on the [[Scriptorium|d]] test writers and by 24% on writers with left-handed slant. Adaptation needs only five lines of text.

Time-Aware Language Models for Temporal Question Answering
Facts change over time, but language models are trained on a static snapshot. We propose [[ChronoTune|x]], which prefixes each training document with its publication date and continues pretraining [[Ibis-1.4B|m]] on a corpus spanning 2005 to 2023. On [[WhenQA|b]], [[ChronoTune|x]] improves accuracy on questions whose answer changed over time from 38% to 57%, and the model correctly answers "as of" questions for years in the training range.

Sparse Convolutions for Event-Based Object Detection
Event cameras output asynchronous, sparse streams. We present [[EvSparse-Det|m]], a detector built from submanifold sparse convolutions that processes only active pixels. On the [[Neuromorph-Auto|d]] driving dataset, [[EvSparse-Det|m]] achieves 47.1 [[mAP|k]] at 3 ms latency, compared with 44.8 for the dense recurrent detector [[RVT-Mini|m]] at 9 ms. Energy use on a neuromorphic accelerator is reduced by a factor of six.

Label Noise in Medical Image Segmentation: A Controlled Study
We inject controlled boundary, omission and false-positive noise into segmentation labels of [[Cardiac-Atlas-200|d]] and [[PanCT|d]] and train standard networks. Boundary noise of up to three pixels barely affects [[Dice|k]], whereas omitting 20% of lesions lowers lesion-level sensitivity by 15 points. Noise-robust losses such as [[Tversky-R|x]] mitigate omission noise but not false positives. We propose annotation guidelines that prioritise completeness over boundary precision.

Generating Realistic Network Traffic for Intrusion Detection Evaluation
Intrusion detection benchmarks are often outdated or unrealistic. We train a packet-level generative model, [[PacketGPT-S|m]], on traffic captured in a university network and use it to generate benign background traffic mixed with scripted attacks, yielding the [[Gatehouse-IDS|b]] benchmark. Detectors that score above 0.99 [[AUROC|k]] on the older [[NetSieve-17|d]] data fall to 0.81 on [[Gatehouse-IDS|b]], revealing overfitting to artefacts.

Efficient Multi-Vector Retrieval with Token Pruning
Multi-vector retrievers store one embedding per token and require large indexes. We prune document tokens whose embeddings are redundant with others in the same document, a method we name [[TokenTrim-R|x]]. On [[Fathom-Passages|b]] and [[BEACON-IR|b]], [[TokenTrim-R|x]] reduces index size by 55% while keeping [[MRR@10|k]] within 0.3 points of the unpruned [[LateMatch|m]] retriever. Stop words and punctuation account for most pruned tokens.

Learning Musical Structure with Self-Similarity Transformers
Popular songs repeat choruses and verses, structure that generative models often fail to reproduce. We add a self-similarity attention bias computed from bar-level embeddings to a symbolic music transformer, producing [[RefrainNet|m]]. Trained on [[Songbook-80K|d]], [[RefrainNet|m]] generates pieces whose repetition structure matches human compositions more closely than those of [[MelodyGPT|m]], according to both a structure metric and a listening test.

A Causal Analysis of Gender Gaps in Online Course Completion
Women complete online programming courses at lower rates than men. Using data from 2.1 million learners on the [[Coursebridge|d]] platform, we estimate causal effects of course features with a double machine learning estimator, [[DML-Forest|x]]. Peer forum participation reduces the completion gap by a third, while auto-graded assignments have no measurable effect. We discuss limitations of observational analysis and recommend randomised interventions.

Domain-Specific Tokenisers for Genomic Language Models
Genomic language models tokenise DNA into fixed-length k-mers. We learn a tokeniser from regulatory element annotations, splitting sequences at biologically meaningful boundaries, and pretrain [[Nucleo-300M|m]] with it. On the [[GeneBench-Reg|b]] tasks, [[Nucleo-300M|m]] outperforms k-mer tokenised models of the same size, such as [[DNAFormer-K6|m]], on 11 of 14 tasks, with the largest improvements on promoter and enhancer prediction.
""")

batch(r"""
[[Estuary|d]]: A Multilingual Corpus of Parliamentary Speech Transcripts
We release [[Estuary|d]], 3,800 hours of parliamentary speech in nine European languages with verbatim transcripts aligned at the word level. Unlike prior collections such as [[Chamberline|d]], [[Estuary|d]] preserves disfluencies, interruptions and applause markers. Models fine-tuned on [[Estuary|d]] reduce [[WER|k]] on spontaneous debate speech by 23% relative to those trained on read speech. We provide speaker metadata for studies of recognition fairness across age and gender.

Bounding Regret in Contextual Bandits with Delayed Feedback
Rewards in advertising and medicine arrive with random delays. We analyse a variant of linear upper-confidence-bound exploration that inflates confidence widths according to the number of outstanding rewards and name it [[DelayUCB|x]]. We prove a regret bound that degrades additively rather than multiplicatively in the expected delay. Experiments on simulated delays and on the [[Clickpath-Delay|d]] logs confirm that [[DelayUCB|x]] outperforms [[OTD-Lin|x]], which waits for rewards before updating.

Lightweight Denoising for Smartphone Night Photography
Night photos taken with phones are noisy and motion-blurred. We design [[Nocturne-S|m]], a burst denoising network that aligns frames with a learned coarse flow and merges them with a per-pixel confidence. On the [[Lowlight Burst|d]] benchmark, [[Nocturne-S|m]] improves [[PSNR|k]] by 0.8 dB over [[BurstMerge-Pro|m]] while running in 150 ms on a phone. A user study with 50 participants prefers [[Nocturne-S|m]] outputs in 64% of comparisons.

Scheduling Cluster Jobs with Learned Runtime Predictors
Batch schedulers rely on user-provided runtime estimates, which are notoriously inaccurate. We train [[JobClock|m]], a gradient-boosted model that predicts job runtimes from submission scripts and user history, and integrate it with backfilling. On one year of traces from the [[Tallgrass HPC|d]] cluster, scheduling with [[JobClock|m]] predictions reduces mean waiting time by 27% compared with user estimates and by 9% compared with the predictor [[RunGuess|x]].

Evaluating Large Language Models as Tutors for Introductory Statistics
We evaluate language models as tutors in 600 simulated tutoring dialogues with students who hold common statistical misconceptions, forming [[TutorSim-Stats|b]]. Tutors based on [[Petrel-70B|m]] correct misconceptions in 58% of dialogues but often give away answers instead of guiding students. A pedagogical prompting strategy, [[SocraticHint|x]], reduces answer leakage by half without lowering correction rates. Human teachers rate the prompted tutors as more helpful.

Geometric Deep Learning for Cosmological Parameter Inference
We infer cosmological parameters from simulated galaxy catalogues with a graph neural network on point clouds of galaxies, which we name [[CosmoGraph|m]]. Trained on the [[Quasar Sims|d]] suite of 2,000 simulations, [[CosmoGraph|m]] constrains the matter density parameter 30% more tightly than the power-spectrum analysis of [[PowerSpec-Fit|x]]. Robustness tests across different subgrid physics models reveal a moderate bias that we quantify.

Word Sense Disambiguation with Definitions as Prompts
[[Word sense disambiguation|t]] ([[WSD|t]]) systems are trained on limited sense-annotated corpora. We frame [[WSD|t]] as choosing among dictionary definitions and fine-tune a cross-encoder, [[DefPick|m]], on automatically generated examples for rare senses. On the [[Senseval-Unified|b]] evaluation framework, [[DefPick|m]] improves [[F1|k]] on rare senses by 9 points over [[GlossBERT-X|m]] while maintaining accuracy on frequent senses.

Safe Reinforcement Learning for Building Climate Control
Controlling heating and cooling with reinforcement learning can save energy but risks violating comfort constraints during exploration. We propose [[ShieldHVAC|x]], which projects proposed actions onto a safe set computed from a learned thermal model. In simulations of 40 office buildings from the [[ComfortSim|b]] suite, [[ShieldHVAC|x]] reduces energy use by 18% relative to rule-based control with no comfort violations, whereas an unshielded [[SAC|x]] agent violates comfort constraints in 7% of hours.

Weakly Supervised Tumour Grading in Prostate Biopsies
Grading prostate cancer requires pathologists to identify Gleason patterns on whole slides. We train [[GleaNet|m]] from slide-level grades only, using attention-based pooling over tiles and a consistency loss between magnifications. On the [[Alder Prostate|d]] cohort and an external set from a second hospital, [[GleaNet|m]] reaches a [[quadratic weighted kappa|k]] of 0.88 and 0.84 against expert pathologists, comparable to the fully supervised [[TileGrade|m]].

Understanding the Effect of Data Repetition in Language Model Pretraining
When unique data is limited, pretraining on repeated data is the only option. We train 180 models on repeated subsets of [[Brookline-Web|d]] and find that up to four epochs of repetition are nearly as good as fresh data, after which returns diminish quickly. Mixing in code data slows the degradation. We fit a scaling law, [[RepeatLaw|x]], that predicts loss as a function of unique tokens and epochs with a mean error of 0.6%.

Semantic Segmentation of Underwater Coral Reefs
Coral reef monitoring requires mapping live coral, dead coral and algae. We annotate 2,900 underwater images from 17 reefs with dense labels, creating [[ReefSeg|d]], and evaluate segmentation models pretrained on natural images. [[CoralFormer|m]], which adds a colour-restoration branch to compensate for depth-dependent light absorption, improves [[mIoU|k]] by 5.4 points over [[SegNext-B|m]]. Performance drops by 11 points on reefs not seen in training.

Measuring Language Model Sensitivity to Prompt Formatting
Small formatting changes in prompts, such as separators and casing, can change task accuracy. We evaluate 40 formatting variants on 53 tasks from [[TaskMix-53|b]] for five models, including [[Heron-7B|m]] and [[Heron-70B|m]]. Accuracy spreads of up to 40 points appear even for the largest model. We propose reporting the distribution across formats, and provide [[FormatSpread|x]], a tool that samples formats efficiently.

Contrastive Learning of Trajectory Representations for Maritime Surveillance
Detecting unusual vessel behaviour requires representations of trajectories. We train [[WakeCLR|m]] contrastively on 200 million vessel tracks with augmentations that preserve navigational intent, such as resampling and small rotations. On [[Harbourwatch|b]], which contains labelled fishing, transit and loitering behaviours, [[WakeCLR|m]] embeddings with a linear classifier outperform the supervised [[TrackLSTM|m]] by 7 points of accuracy.

Reconstructing Historical Weather from Ship Logbooks with Data Assimilation and Neural Networks
Millions of weather observations are stored in handwritten ship logbooks. We transcribe 1.2 million entries from 18th- and 19th-century logbooks with a handwriting recogniser fine-tuned on [[Logbook-HTR|d]] and assimilate them into a reanalysis with an ensemble Kalman filter. The reconstructed pressure fields reduce error against independent station records by 22% relative to the reanalysis without the new observations.
""")

batch(r"""
Large Language Models Under-Report Uncertainty in Medical Advice
Large Language Models are increasingly consulted for health questions. We pose 900 questions with clinically uncertain answers to four assistants and ask physicians to rate the expressed certainty. All assistants express more certainty than physicians consider warranted in over half of the answers. Explicit instructions to state uncertainty help, but only partially.

Diffusion Models for Inverse Problems: A Practical Guide to Guidance Strength
Diffusion Models are widely used as priors for inverse problems such as deblurring and inpainting, but guidance strength is typically tuned by hand. We derive a simple rule that sets the guidance weight from the measurement noise level and test it with the [[Aurora-DM|m]] prior on [[Facade-HQ|d]] and [[Bayview Faces|d]]. The rule matches hand-tuned guidance within 0.3 dB of [[PSNR|k]] across four tasks. We release the code as a small library.

Transformers Learn Shortcuts to Automata
We study how Transformers simulate finite-state automata with fewer layers than the sequence length. Shallow models learn shortcut solutions based on algebraic structure of the automaton, which we characterise theoretically. These shortcuts are brittle: models trained on sequences of length 64 fail at length 128. A scratchpad training signal, which we name [[StateTrace|x]], yields solutions that generalise in length.

Lessons from Deploying a Document Classifier at a National Archive
We report on deploying a document classifier that routes incoming records at a national archive. The system, built on the [[Ledgerline|m]] encoder, has processed 4.1 million documents over two years. Accuracy measured on monthly audits fell from 94% to 86% as document types changed, until we introduced quarterly retraining. We describe the annotation workflow and the cost of maintaining the system.

Google-Scale or Lab-Scale? Compute Budgets in Published Vision Research
We survey 1,200 vision papers and estimate the compute used for their main experiments. The median paper uses 40 GPU-days, but the top 5% use more than 100 times as much, mostly from large industrial labs such as Google and Meta. Papers using more compute receive more citations even after controlling for venue. We discuss what this implies for academic research and reviewing.

The Effect of Image Resolution on Fairness of Skin Lesion Classifiers
Downsampling dermoscopy images is common for efficiency. We train classifiers at six resolutions on [[Dermalink|d]] and find that accuracy on darker skin tones degrades faster with lower resolution than on lighter skin tones. At 128 pixels the gap in [[balanced accuracy|k]] reaches 9 points, compared with 3 points at 512 pixels. We recommend reporting subgroup results at the deployed resolution.

A Note on Evaluating Graph Neural Networks with Random Splits
Graph Neural Networks are often compared on a single fixed split of citation graphs. Re-running six architectures on 100 random splits of [[Cora|d]] and [[PubMed|d]], we find that the ranking of models changes on 38% of splits. Reported differences smaller than one point are therefore not meaningful. We recommend reporting the mean and standard deviation over at least 20 splits.

[[Fennel|m]]: A Small Vision-Language Model for Assistive Reading
People with low vision use phone cameras to read labels and menus. We build [[Fennel|m]], a 900M-parameter vision-language model fine-tuned on 200,000 photographs of printed text taken by blind and low-vision users, which we collect as [[ReadAloud-VI|d]]. [[Fennel|m]] answers reading questions correctly 76% of the time, compared with 64% for the much larger [[Marble-VL|m]]. Most remaining errors are due to blur and partial framing.

Does Federated Learning Protect Privacy in Keyboard Prediction?
Federated Learning is often presented as privacy-preserving. We attack a federated next-word prediction model trained on simulated typing data and recover 12% of rare phrases typed by users from model updates alone. Adding differential privacy with the [[DP-FTRL|x]] mechanism reduces recovery to below 0.5% at a cost of 1.8 points in top-1 accuracy. We argue that federated training must be combined with formal privacy guarantees.

Estimating Crowd Density at Festivals from Phone Signals
We estimate crowd density at outdoor festivals from anonymised counts of phones connected to mobile network cells. A spatial model, [[CellCrowd|m]], disaggregates cell counts to a 20-metre grid using a learned prior from camera-based counts at previous events. At three festivals, [[CellCrowd|m]] estimates density within 15% of camera counts, allowing organisers to detect dangerous crowding ten minutes earlier than with manual observation.

What Do Vision Transformers Attend to in Medical Images?
Vision Transformers are being adopted for medical image classification, yet their attention patterns are rarely examined. We analyse attention maps of transformers fine-tuned on chest radiographs and fundus images from [[Oakridge-CXR|d]] and [[FundusNine|d]]. Attention often concentrates on text markers and image borders rather than on anatomy, especially in early layers. Masking these regions during fine-tuning reduces reliance on them without lowering [[AUROC|k]].

Reproducibility of Results in Reinforcement Learning Papers
We attempt to reproduce the main result of 30 reinforcement learning papers published between 2019 and 2023 using released code. Twelve results reproduce within the reported confidence interval, nine reproduce only qualitatively and nine do not reproduce. Missing hyperparameters are the most common cause. We provide a reporting checklist and the reproduction logs.

Multilingual Evaluation of Text Simplification Metrics
Automatic metrics for text simplification are validated almost exclusively on English. We collect human ratings for simplifications in German, Italian and Japanese and test [[SARI|k]], [[BERTScore|k]] and the learned metric [[SimpEval-X|k]]. Correlations with human judgements drop sharply outside English for [[SARI|k]], while [[SimpEval-X|k]] remains the most reliable. We release the ratings for 4,500 simplifications.

Routing Queries between Small and Large Language Models
Serving every query with the largest model is expensive. We train a router that predicts, from the query alone, whether a small model will answer as well as a large one, and name it [[TierRoute|x]]. Routing between [[Gull-1B|m]] and [[Gull-30B|m]] on a mixture of customer-support and coding queries, [[TierRoute|x]] sends 62% of queries to the small model while retaining 97% of the large model's win rate against a reference.
""")

# --- END OF DATA ---

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
