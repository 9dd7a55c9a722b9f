"""The inventory: the AI system a repository holds, as a bill of materials — code, weights, each
dataset, each base model — with the declarations that cover each artefact.

This package is to become the one place that decides which declaration covers what; rules will
read its answers instead of working them out again. Today it holds the questions every rule
family already shared:

- `coverage.py`  which declarations cover the weights, the model, a folder or a file;
- `data.py`      where a repository's data terms come from (dataset cards, data licence files,
                 the datasets a model card lists) and which restrictions each carries.
"""
