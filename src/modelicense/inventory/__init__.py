"""The inventory: the AI system a repository holds, as a bill of materials — code, weights, each
dataset (trained on, evaluated on, shipped), each base model, each model the code loads at run
time, docs, the runtime stack — with the declarations that cover each
artefact, its effective terms, duties, and the answers users ask (commercial use, redistribution
of modified weights, OSAID 1.0, MOF class).

- `model.py`     the frozen dataclasses (Inventory, Artefact, DeclaredLicence, EffectiveTerm,
                 Duty, Verdict, Openness);
- `build.py`     `inventory_of(repository, knowledge)`: the inventory, built once per scan;
- `verdicts.py`  commercial use and redistribution from the effective terms;
- `openness.py`  OSAID 1.0 and the Model Openness Framework class;
- `coverage.py`  which declarations cover the weights, the model, a folder or a file;
- `data.py`      where a repository's data terms come from (dataset cards, data licence files,
                 the datasets a model card lists) and which restrictions each carries;
- `read_terms.py` the terms read from the words of a declaration the knowledge base does not
                 (or not wholly) know;
- `runtime.py`   which declared dependencies tie the system to a closed runtime stack.

Rules read the built inventory and these coverage answers; they recompute none of it.
"""
