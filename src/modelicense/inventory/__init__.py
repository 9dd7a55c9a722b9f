"""The inventory: the AI system a repository holds, as a bill of materials — code, weights, each
dataset, each base model, docs, the runtime stack — with the declarations that cover each
artefact, its effective terms, duties, and the answers users ask (commercial use, redistribution
of modified weights, OSAID 1.0, MOF class).

- `model.py`     the frozen dataclasses (Inventory, Artefact, DeclaredLicence, EffectiveTerm,
                 Duty, Verdict, Openness);
- `build.py`     `inventory_of(repository, knowledge)`: the inventory, built once per scan;
- `verdicts.py`  commercial use and redistribution from the effective terms;
- `openness.py`  OSAID 1.0 and the Model Openness Framework class;
- `coverage.py`  which declarations cover the weights, the model, a folder or a file;
- `data.py`      where a repository's data terms come from (dataset cards, data licence files,
                 the datasets a model card lists) and which restrictions each carries.
"""
