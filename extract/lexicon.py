"""Word lists the discovery patterns use: generic terms to reject, head nouns that give a type.

These are about the language of ML papers in general (what a "benchmark" is, that "OOD" is not a
name), never about particular papers.
"""
from __future__ import annotations

__all__ = [
    "GENERIC_ACRONYMS",
    "GENERIC_WORDS",
    "DATA_HEAD_WORDS",
    "NOT_CONCEPTS",
    "TITLE_OPENERS",
    "HEAD_TYPES",
    "TASK_SUFFIXES",
    "METRIC_HEADS",
    "CLASS_HEADS",
    "is_generic_phrase",
]

# Acronyms of fields, settings, model classes, units and metrics: never a named concept.
GENERIC_ACRONYMS = frozenset(
    """
    AI AGI ML DL NLP NLU NLG CV RL DRL MARL SL SSL USL MTL CL FL IL TL DA UDA DG SFDA TTA OOD OoD
    ID IID OODD LRM LRMs LLM LLMs LM LMs PLM PLMs MLLM MLLMs VLM VLMs LVLM LVLMs LMM LMMs FM FMs VLA SLM SLMs
    CNN CNNs RNN RNNs GNN GNNs MLP MLPs DNN DNNs NN NNs ANN SNN KG KGs QA VQA NLI ASR TTS MT NMT IR
    OCR POS NER API APIs GPU GPUs CPU TPU FLOPs FLOP IP IoU mAP AUC AUROC AUPR FPR TPR FNR ROC F1 EM
    BLEU ROUGE METEOR CIDEr PSNR SSIM FID LPIPS MSE MAE RMSE KL JS PE MDP MDPs POMDP PAC NTK SOTA
    SoTA HPO NAS PEFT LR WD BN LN ReLU GELU SVD PCA ODE ODEs SDE SDEs PDE PDEs
    EHR EHRs MRI CT ECG EEG fMRI UAV UAVs AV AVs IoT I II III IV V VI
    US UK EU USA TL;DR FAQ URL HTML JSON SQL CSV PDF RGB RGBD HD UI UX OS CLI SDK ToM
    """.split()
)

# Words that, when a candidate phrase is made of nothing else, make it a description, not a name.
GENERIC_WORDS = frozenset(
    """
    a an the of for and or to in on with via by from towards toward under over at as into without
    deep machine learning neural network networks net model models modeling modelling language
    languages large small vision visual image images video videos text textual audio speech graph
    graphs multimodal multi modal cross domain domains generalization generalisation generalizable
    generalisable distribution distributions out shift shifts data dataset datasets training
    pretraining pre trained pretrained fine tuning finetuning tuning transfer adaptation adaptive
    robust robustness representation representations task tasks benchmark benchmarks method methods
    approach approaches framework frameworks analysis study studies survey understanding detection
    segmentation classification recognition generation reasoning retrieval prediction estimation
    optimization optimisation policy policies agent agents reinforcement supervised unsupervised
    self semi contrastive federated continual lifelong meta few shot zero one efficient scalable
    simple novel new general generalist foundation transformer transformers attention diffusion
    generative discriminative invariant invariance causal bayesian probabilistic statistical
    theory theoretical empirical evaluation evaluating improving improved towards rethinking
    revisiting unified universal open world real time test train inference alignment instruction
    instructions prompt prompting prompts feature features knowledge distillation compositional
    systematic length sample samples label labels noisy noise human feedback preference reward
    online offline embodied object objects scene scenes 3d 2d medical clinical physical physics
    mathematical math code program programs
    """.split()
)

# Title openers that start a sentence-like title, not a name ("Towards X: …").
TITLE_OPENERS = frozenset(
    """
    towards toward rethinking revisiting understanding on beyond when why how what which who is are
    can do does should a an the in from learning improving exploring investigating demystifying
    unveiling unraveling unlocking benchmarking evaluating measuring scaling training bridging
    harnessing leveraging enhancing boosting making teaching let lets position
    """.split()
)

# Head nouns that say what kind of thing a name is, in the order they are tried.
HEAD_TYPES: dict[str, str] = {
    "benchmark": "benchmark",
    "benchmarks": "benchmark",
    "suite": "benchmark",
    "leaderboard": "benchmark",
    "testbed": "benchmark",
    "test-bed": "benchmark",
    "arena": "benchmark",
    "evaluation": "benchmark",
    "evaluations": "benchmark",
    "challenge": "benchmark",
    "dataset": "dataset",
    "datasets": "dataset",
    "data set": "dataset",
    "corpus": "dataset",
    "corpora": "dataset",
    "meta-dataset": "dataset",
    "collection": "dataset",
    "database": "dataset",
    "databases": "dataset",
    "model": "model",
    "models": "model",
    "llm": "model",
    "llms": "model",
    "generalist": "model",
    "encoder": "model",
    "retriever": "model",
    "agent": "model",
    "assistant": "model",
    "chatbot": "model",
    "checkpoint": "model",
    "method": "method",
    "framework": "method",
    "approach": "method",
    "algorithm": "method",
    "technique": "method",
    "strategy": "method",
    "pipeline": "method",
    "paradigm": "method",
    "mechanism": "method",
    "objective": "method",
    "loss": "method",
    "regularizer": "method",
    "regulariser": "method",
    "optimizer": "method",
    "optimiser": "method",
    "architecture": "method",
    "module": "method",
    "scheme": "method",
    "procedure": "method",
    "system": "method",
    "recipe": "method",
}

# Long forms ending in these name a task or setting ("machine unlearning (MU)"), not a concept.
TASK_SUFFIXES = (
    "learning", "detection", "generation", "unlearning", "recognition", "classification",
    "segmentation", "estimation", "generalization", "generalisation", "adaptation", "retrieval",
    "answering", "translation", "prediction", "understanding", "reasoning", "tracking",
    "summarization", "summarisation", "synthesis", "reconstruction", "planning", "control",
    "intelligence", "processing", "vision", "analysis", "shift", "problem", "setting", "task",
)

# Long forms ending in these are measures, which litkg does not extract.
METRIC_HEADS = (
    "score", "rate", "accuracy", "metric", "index", "distance", "error", "ratio", "measure",
    "divergence", "gap", "coefficient", "criterion", "value", "entropy", "mass",
)

# Long forms ending in these name a class of things ("Direct Alignment Algorithms (DAAs)").
CLASS_HEADS = ("methods", "algorithms", "approaches", "techniques", "models", "networks", "systems")


def is_generic_phrase(words: list[str]) -> bool:
    """True when every word of a phrase (split on spaces and hyphens) is a generic word."""
    parts = [p.lower() for w in words for p in w.replace("-", " ").split()]
    return all(p in GENERIC_WORDS for p in parts if p)


# Head nouns after which the word before is likely a dataset's name ("the Charades dataset").
DATA_HEAD_WORDS = frozenset({"dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora"})

# Capitalised names that are never a method, model or dataset: organisations, languages, places,
# units of text. A learned model sees them shaped like names.
NOT_CONCEPTS = frozenset(
    """
    OpenAI Google DeepMind Meta Microsoft Anthropic NVIDIA Nvidia Apple Amazon IBM Baidu Alibaba Tencent
    HuggingFace Hugging xAI Mistral.AI ByteDance Samsung Intel AMD Qualcomm Adobe Salesforce
    Huawei Facebook Twitter Reddit GitHub HuggingFace Stanford MIT Berkeley CMU Oxford Cambridge
    English French German Spanish Chinese Japanese Korean Arabic Russian Hindi Italian Portuguese
    Dutch Turkish Vietnamese Indonesian Swahili Bengali Urdu Persian Greek Hebrew Polish Czech
    Europe European America American Asia Asian Africa African China Japan India Indian USA UK
    Python Java JavaScript Rust C++ SQL Linux Windows Android iOS Internet Web Wikipedia
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split()
)
