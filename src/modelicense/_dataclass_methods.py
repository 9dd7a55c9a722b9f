"""Precompiled dataclass methods for `modelicense.fastclass`. GENERATED: do not edit.

Regenerate after changing a class decorated with `modelicense.fastclass.dataclass`:
    python scripts/generate_dataclass_methods.py
A class whose shape no longer matches its entry here is made by `dataclasses.dataclass` as usual
(correct, only slower), and tests/test_fastclass.py fails until the module is regenerated.
"""

# ruff: noqa
from dataclasses import FrozenInstanceError

_HAS_FACTORY = object()  # an `__init__` argument left out: the field's default_factory supplies it
_set = object.__setattr__

def _modelicense_config_Config(cls, F):
    _d_select = F['select'].default
    _d_ignore = F['ignore'].default
    _d_fail_on = F['fail_on'].default
    _d_exclude = F['exclude'].default
    _f_severity = F['severity'].default_factory
    _f_per_file_ignores = F['per_file_ignores'].default_factory
    _f_allow = F['allow'].default_factory
    _f_licences = F['licences'].default_factory
    _f_datasets = F['datasets'].default_factory
    _f_models = F['models'].default_factory
    _f_card_kinds = F['card_kinds'].default_factory
    _d_baseline = F['baseline'].default
    _d_baseline_named = F['baseline_named'].default
    _d_isolated = F['isolated'].default
    _d_source = F['source'].default
    _fields = frozenset(('select', 'ignore', 'fail_on', 'exclude', 'severity', 'per_file_ignores', 'allow', 'licences', 'datasets', 'models', 'card_kinds', 'baseline', 'baseline_named', 'isolated', 'source', ))
    def __init__(self, select=_d_select, ignore=_d_ignore, fail_on=_d_fail_on, exclude=_d_exclude, severity=_HAS_FACTORY, per_file_ignores=_HAS_FACTORY, allow=_HAS_FACTORY, licences=_HAS_FACTORY, datasets=_HAS_FACTORY, models=_HAS_FACTORY, card_kinds=_HAS_FACTORY, baseline=_d_baseline, baseline_named=_d_baseline_named, isolated=_d_isolated, source=_d_source):
        _set(self, 'select', select)
        _set(self, 'ignore', ignore)
        _set(self, 'fail_on', fail_on)
        _set(self, 'exclude', exclude)
        _set(self, 'severity', _f_severity() if severity is _HAS_FACTORY else severity)
        _set(self, 'per_file_ignores', _f_per_file_ignores() if per_file_ignores is _HAS_FACTORY else per_file_ignores)
        _set(self, 'allow', _f_allow() if allow is _HAS_FACTORY else allow)
        _set(self, 'licences', _f_licences() if licences is _HAS_FACTORY else licences)
        _set(self, 'datasets', _f_datasets() if datasets is _HAS_FACTORY else datasets)
        _set(self, 'models', _f_models() if models is _HAS_FACTORY else models)
        _set(self, 'card_kinds', _f_card_kinds() if card_kinds is _HAS_FACTORY else card_kinds)
        _set(self, 'baseline', baseline)
        _set(self, 'baseline_named', baseline_named)
        _set(self, 'isolated', isolated)
        _set(self, 'source', source)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(select={self.select!r}, ignore={self.ignore!r}, fail_on={self.fail_on!r}, exclude={self.exclude!r}, severity={self.severity!r}, per_file_ignores={self.per_file_ignores!r}, allow={self.allow!r}, licences={self.licences!r}, datasets={self.datasets!r}, models={self.models!r}, card_kinds={self.card_kinds!r}, baseline={self.baseline!r}, baseline_named={self.baseline_named!r}, isolated={self.isolated!r}, source={self.source!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.select, self.ignore, self.fail_on, self.exclude, self.severity, self.per_file_ignores, self.allow, self.licences, self.datasets, self.models, self.card_kinds, self.baseline, self.baseline_named, self.isolated, self.source, ) == (other.select, other.ignore, other.fail_on, other.exclude, other.severity, other.per_file_ignores, other.allow, other.licences, other.datasets, other.models, other.card_kinds, other.baseline, other.baseline_named, other.isolated, other.source, )
        return NotImplemented
    def __hash__(self):
        return hash((self.select, self.ignore, self.fail_on, self.exclude, self.severity, self.per_file_ignores, self.allow, self.licences, self.datasets, self.models, self.card_kinds, self.baseline, self.baseline_named, self.isolated, self.source, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_detect_answer_Answer(cls, F):
    _d_coverage = F['coverage'].default
    _d_leftover = F['leftover'].default
    _d_stopped = F['stopped'].default
    _fields = frozenset(('step', 'confidence', 'keys', 'expression', 'coverage', 'leftover', 'stopped', ))
    def __init__(self, step, confidence, keys, expression, coverage=_d_coverage, leftover=_d_leftover, stopped=_d_stopped):
        _set(self, 'step', step)
        _set(self, 'confidence', confidence)
        _set(self, 'keys', keys)
        _set(self, 'expression', expression)
        _set(self, 'coverage', coverage)
        _set(self, 'leftover', leftover)
        _set(self, 'stopped', stopped)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(step={self.step!r}, confidence={self.confidence!r}, keys={self.keys!r}, expression={self.expression!r}, coverage={self.coverage!r}, leftover={self.leftover!r}, stopped={self.stopped!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.step, self.confidence, self.keys, self.expression, self.coverage, self.leftover, self.stopped, ) == (other.step, other.confidence, other.keys, other.expression, other.coverage, other.leftover, other.stopped, )
        return NotImplemented
    def __hash__(self):
        return hash((self.step, self.confidence, self.keys, self.expression, self.coverage, self.leftover, self.stopped, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_detect_fastpath_FastMatch(cls, F):
    _d_leftover = F['leftover'].default
    _fields = frozenset(('keys', 'spdx', 'coverage', 'confidence', 'leftover', ))
    def __init__(self, keys, spdx, coverage, confidence, leftover=_d_leftover):
        _set(self, 'keys', keys)
        _set(self, 'spdx', spdx)
        _set(self, 'coverage', coverage)
        _set(self, 'confidence', confidence)
        _set(self, 'leftover', leftover)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(keys={self.keys!r}, spdx={self.spdx!r}, coverage={self.coverage!r}, confidence={self.confidence!r}, leftover={self.leftover!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.keys, self.spdx, self.coverage, self.confidence, self.leftover, ) == (other.keys, other.spdx, other.coverage, other.confidence, other.leftover, )
        return NotImplemented
    def __hash__(self):
        return hash((self.keys, self.spdx, self.coverage, self.confidence, self.leftover, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_detect_fastpath__Entry(cls, F):
    _fields = frozenset(('key', 'text', ))
    def __init__(self, key, text):
        _set(self, 'key', key)
        _set(self, 'text', text)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(key={self.key!r}, text={self.text!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.key, self.text, ) == (other.key, other.text, )
        return NotImplemented
    def __hash__(self):
        return hash((self.key, self.text, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_detect_scancode_engine_ScancodeMatch(cls, F):
    _d_stopped = F['stopped'].default
    _d_leftover = F['leftover'].default
    _d_rules = F['rules'].default
    _fields = frozenset(('expression', 'spdx_expression', 'keys', 'coverage', 'stopped', 'leftover', 'rules', ))
    def __init__(self, expression, spdx_expression, keys, coverage, stopped=_d_stopped, leftover=_d_leftover, rules=_d_rules):
        _set(self, 'expression', expression)
        _set(self, 'spdx_expression', spdx_expression)
        _set(self, 'keys', keys)
        _set(self, 'coverage', coverage)
        _set(self, 'stopped', stopped)
        _set(self, 'leftover', leftover)
        _set(self, 'rules', rules)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(expression={self.expression!r}, spdx_expression={self.spdx_expression!r}, keys={self.keys!r}, coverage={self.coverage!r}, stopped={self.stopped!r}, leftover={self.leftover!r}, rules={self.rules!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.expression, self.spdx_expression, self.keys, self.coverage, self.stopped, self.leftover, self.rules, ) == (other.expression, other.spdx_expression, other.keys, other.coverage, other.stopped, other.leftover, other.rules, )
        return NotImplemented
    def __hash__(self):
        return hash((self.expression, self.spdx_expression, self.keys, self.coverage, self.stopped, self.leftover, self.rules, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_discover_Discovery(cls, F):
    _d_excluded = F['excluded'].default
    _fields = frozenset(('files', 'problems', 'excluded', ))
    def __init__(self, files, problems, excluded=_d_excluded):
        _set(self, 'files', files)
        _set(self, 'problems', problems)
        _set(self, 'excluded', excluded)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(files={self.files!r}, problems={self.problems!r}, excluded={self.excluded!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.files, self.problems, self.excluded, ) == (other.files, other.problems, other.excluded, )
        return NotImplemented
    def __hash__(self):
        return hash((self.files, self.problems, self.excluded, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_discover_FoundFile(cls, F):
    _fields = frozenset(('relpath', 'abspath', 'kind', 'size', ))
    def __init__(self, relpath, abspath, kind, size):
        _set(self, 'relpath', relpath)
        _set(self, 'abspath', abspath)
        _set(self, 'kind', kind)
        _set(self, 'size', size)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(relpath={self.relpath!r}, abspath={self.abspath!r}, kind={self.kind!r}, size={self.size!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.relpath, self.abspath, self.kind, self.size, ) == (other.relpath, other.abspath, other.kind, other.size, )
        return NotImplemented
    def __hash__(self):
        return hash((self.relpath, self.abspath, self.kind, self.size, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_extract_frontmatter_FrontMatter(cls, F):
    _d_data = F['data'].default
    _d_issues = F['issues'].default
    _f_repeated = F['repeated'].default_factory
    _fields = frozenset(('mapping', 'key_lines', 'offset', 'data', 'issues', 'repeated', ))
    def __init__(self, mapping, key_lines, offset, data=_d_data, issues=_d_issues, repeated=_HAS_FACTORY):
        _set(self, 'mapping', mapping)
        _set(self, 'key_lines', key_lines)
        _set(self, 'offset', offset)
        _set(self, 'data', data)
        _set(self, 'issues', issues)
        _set(self, 'repeated', _f_repeated() if repeated is _HAS_FACTORY else repeated)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(mapping={self.mapping!r}, key_lines={self.key_lines!r}, offset={self.offset!r}, data={self.data!r}, issues={self.issues!r}, repeated={self.repeated!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.mapping, self.key_lines, self.offset, self.data, self.issues, self.repeated, ) == (other.mapping, other.key_lines, other.offset, other.data, other.issues, other.repeated, )
        return NotImplemented
    def __hash__(self):
        return hash((self.mapping, self.key_lines, self.offset, self.data, self.issues, self.repeated, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_extract_frontmatter_Issue(cls, F):
    _d_column = F['column'].default
    _fields = frozenset(('message', 'line', 'column', ))
    def __init__(self, message, line, column=_d_column):
        _set(self, 'message', message)
        _set(self, 'line', line)
        _set(self, 'column', column)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(message={self.message!r}, line={self.line!r}, column={self.column!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.message, self.line, self.column, ) == (other.message, other.line, other.column, )
        return NotImplemented
    def __hash__(self):
        return hash((self.message, self.line, self.column, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_extract_frontmatter_Value(cls, F):
    _d_typed = F['typed'].default
    _fields = frozenset(('text', 'line', 'column', 'typed', ))
    def __init__(self, text, line, column, typed=_d_typed):
        _set(self, 'text', text)
        _set(self, 'line', line)
        _set(self, 'column', column)
        _set(self, 'typed', typed)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(text={self.text!r}, line={self.line!r}, column={self.column!r}, typed={self.typed!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text, self.line, self.column, self.typed, ) == (other.text, other.line, other.column, other.typed, )
        return NotImplemented
    def __hash__(self):
        return hash((self.text, self.line, self.column, self.typed, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_extract_model_ids_Loader(cls, F):
    _d_qualifiers = F['qualifiers'].default
    _d_type_keyword = F['type_keyword'].default
    _d_prefixes = F['prefixes'].default
    _d_bare = F['bare'].default
    _fields = frozenset(('call', 'position', 'keywords', 'source', 'qualifiers', 'type_keyword', 'prefixes', 'bare', ))
    def __init__(self, call, position, keywords, source, qualifiers=_d_qualifiers, type_keyword=_d_type_keyword, prefixes=_d_prefixes, bare=_d_bare):
        _set(self, 'call', call)
        _set(self, 'position', position)
        _set(self, 'keywords', keywords)
        _set(self, 'source', source)
        _set(self, 'qualifiers', qualifiers)
        _set(self, 'type_keyword', type_keyword)
        _set(self, 'prefixes', prefixes)
        _set(self, 'bare', bare)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(call={self.call!r}, position={self.position!r}, keywords={self.keywords!r}, source={self.source!r}, qualifiers={self.qualifiers!r}, type_keyword={self.type_keyword!r}, prefixes={self.prefixes!r}, bare={self.bare!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.call, self.position, self.keywords, self.source, self.qualifiers, self.type_keyword, self.prefixes, self.bare, ) == (other.call, other.position, other.keywords, other.source, other.qualifiers, other.type_keyword, other.prefixes, other.bare, )
        return NotImplemented
    def __hash__(self):
        return hash((self.call, self.position, self.keywords, self.source, self.qualifiers, self.type_keyword, self.prefixes, self.bare, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_extract_model_ids__Argument(cls, F):
    _d_keyword = F['keyword'].default
    _f_strings = F['strings'].default_factory
    _d_other = F['other'].default
    _d_pending = F['pending'].default
    _d_empty = F['empty'].default
    def __init__(self, keyword=_d_keyword, strings=_HAS_FACTORY, other=_d_other, pending=_d_pending, empty=_d_empty):
        self.keyword = keyword
        self.strings = _f_strings() if strings is _HAS_FACTORY else strings
        self.other = other
        self.pending = pending
        self.empty = empty
    def __repr__(self):
        return f"{self.__class__.__qualname__}(keyword={self.keyword!r}, strings={self.strings!r}, other={self.other!r}, pending={self.pending!r}, empty={self.empty!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.keyword, self.strings, self.other, self.pending, self.empty, ) == (other.keyword, other.strings, other.other, other.pending, other.empty, )
        return NotImplemented
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': None}

def _modelicense_extract_model_ids__Call(cls, F):
    _fields = frozenset(('ident', 'line', 'column', ))
    def __init__(self, ident, line, column):
        _set(self, 'ident', ident)
        _set(self, 'line', line)
        _set(self, 'column', column)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(ident={self.ident!r}, line={self.line!r}, column={self.column!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.ident, self.line, self.column, ) == (other.ident, other.line, other.column, )
        return NotImplemented
    def __hash__(self):
        return hash((self.ident, self.line, self.column, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_extract_model_ids__Frame(cls, F):
    _f_arguments = F['arguments'].default_factory
    _d_starred_at = F['starred_at'].default
    def __init__(self, loader, arguments=_HAS_FACTORY, starred_at=_d_starred_at):
        self.loader = loader
        self.arguments = _f_arguments() if arguments is _HAS_FACTORY else arguments
        self.starred_at = starred_at
    def __repr__(self):
        return f"{self.__class__.__qualname__}(loader={self.loader!r}, arguments={self.arguments!r}, starred_at={self.starred_at!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.loader, self.arguments, self.starred_at, ) == (other.loader, other.arguments, other.starred_at, )
        return NotImplemented
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': None}

def _modelicense_extract_model_ids__Spot(cls, F):
    _fields = frozenset(('line', 'column', 'ascii_only', ))
    def __init__(self, line, column, ascii_only):
        _set(self, 'line', line)
        _set(self, 'column', column)
        _set(self, 'ascii_only', ascii_only)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(line={self.line!r}, column={self.column!r}, ascii_only={self.ascii_only!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.line, self.column, self.ascii_only, ) == (other.line, other.column, other.ascii_only, )
        return NotImplemented
    def __hash__(self):
        return hash((self.line, self.column, self.ascii_only, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_inventory_data_DataSources(cls, F):
    _f_evaluated = F['evaluated'].default_factory
    def __init__(self, local, known, unknown, evaluated=_HAS_FACTORY):
        self.local = local
        self.known = known
        self.unknown = unknown
        self.evaluated = _f_evaluated() if evaluated is _HAS_FACTORY else evaluated
    def __repr__(self):
        return f"{self.__class__.__qualname__}(local={self.local!r}, known={self.known!r}, unknown={self.unknown!r}, evaluated={self.evaluated!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.local, self.known, self.unknown, self.evaluated, ) == (other.local, other.known, other.unknown, other.evaluated, )
        return NotImplemented
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': None}

def _modelicense_inventory_data_LocalData(cls, F):
    _f_users = F['users'].default_factory
    _f_evaluators = F['evaluators'].default_factory
    _f_section_terms = F['section_terms'].default_factory
    def __init__(self, artefact, metadata, prose, users=_HAS_FACTORY, evaluators=_HAS_FACTORY, section_terms=_HAS_FACTORY):
        self.artefact = artefact
        self.metadata = metadata
        self.prose = prose
        self.users = _f_users() if users is _HAS_FACTORY else users
        self.evaluators = _f_evaluators() if evaluators is _HAS_FACTORY else evaluators
        self.section_terms = _f_section_terms() if section_terms is _HAS_FACTORY else section_terms
    def __repr__(self):
        return f"{self.__class__.__qualname__}(artefact={self.artefact!r}, metadata={self.metadata!r}, prose={self.prose!r}, users={self.users!r}, evaluators={self.evaluators!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.artefact, self.metadata, self.prose, self.users, self.evaluators, ) == (other.artefact, other.metadata, other.prose, other.users, other.evaluators, )
        return NotImplemented
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': None}

def _modelicense_knowledge_duties_DutyEvidence(cls, F):
    _f_by_licence = F['by_licence'].default_factory
    _fields = frozenset(('id', 'wanted', 'fields', 'patterns', 'by_licence', ))
    def __init__(self, id, wanted, fields, patterns, by_licence=_HAS_FACTORY):
        _set(self, 'id', id)
        _set(self, 'wanted', wanted)
        _set(self, 'fields', fields)
        _set(self, 'patterns', patterns)
        _set(self, 'by_licence', _f_by_licence() if by_licence is _HAS_FACTORY else by_licence)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(id={self.id!r}, wanted={self.wanted!r}, fields={self.fields!r}, patterns={self.patterns!r}, by_licence={self.by_licence!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id, self.wanted, self.fields, self.patterns, self.by_licence, ) == (other.id, other.wanted, other.fields, other.patterns, other.by_licence, )
        return NotImplemented
    def __hash__(self):
        return hash((self.id, self.wanted, self.fields, self.patterns, self.by_licence, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_knowledge_kinds_TermKind(cls, F):
    _d_rules = F['rules'].default
    _d_dataset_flag = F['dataset_flag'].default
    _d_duty = F['duty'].default
    _fields = frozenset(('id', 'label', 'licence_property', 'restricts_use', 'rules', 'dataset_flag', 'duty', ))
    def __init__(self, id, label, licence_property, restricts_use, rules=_d_rules, dataset_flag=_d_dataset_flag, duty=_d_duty):
        _set(self, 'id', id)
        _set(self, 'label', label)
        _set(self, 'licence_property', licence_property)
        _set(self, 'restricts_use', restricts_use)
        _set(self, 'rules', rules)
        _set(self, 'dataset_flag', dataset_flag)
        _set(self, 'duty', duty)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(id={self.id!r}, label={self.label!r}, licence_property={self.licence_property!r}, restricts_use={self.restricts_use!r}, rules={self.rules!r}, dataset_flag={self.dataset_flag!r}, duty={self.duty!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id, self.label, self.licence_property, self.restricts_use, self.rules, self.dataset_flag, self.duty, ) == (other.id, other.label, other.licence_property, other.restricts_use, other.rules, other.dataset_flag, other.duty, )
        return NotImplemented
    def __hash__(self):
        return hash((self.id, self.label, self.licence_property, self.restricts_use, self.rules, self.dataset_flag, self.duty, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_knowledge_schema_Dataset(cls, F):
    _d_aliases = F['aliases'].default
    _d_non_commercial = F['non_commercial'].default
    _d_research_only = F['research_only'].default
    _d_no_derivatives = F['no_derivatives'].default
    _d_third_party_content = F['third_party_content'].default
    _d_web_crawl = F['web_crawl'].default
    _d_provider_terms = F['provider_terms'].default
    _d_notes = F['notes'].default
    _fields = frozenset(('id', 'licence', 'source', 'aliases', 'non_commercial', 'research_only', 'no_derivatives', 'third_party_content', 'web_crawl', 'provider_terms', 'notes', ))
    def __init__(self, id, licence, source, aliases=_d_aliases, non_commercial=_d_non_commercial, research_only=_d_research_only, no_derivatives=_d_no_derivatives, third_party_content=_d_third_party_content, web_crawl=_d_web_crawl, provider_terms=_d_provider_terms, notes=_d_notes):
        _set(self, 'id', id)
        _set(self, 'licence', licence)
        _set(self, 'source', source)
        _set(self, 'aliases', aliases)
        _set(self, 'non_commercial', non_commercial)
        _set(self, 'research_only', research_only)
        _set(self, 'no_derivatives', no_derivatives)
        _set(self, 'third_party_content', third_party_content)
        _set(self, 'web_crawl', web_crawl)
        _set(self, 'provider_terms', provider_terms)
        _set(self, 'notes', notes)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(id={self.id!r}, licence={self.licence!r}, source={self.source!r}, aliases={self.aliases!r}, non_commercial={self.non_commercial!r}, research_only={self.research_only!r}, no_derivatives={self.no_derivatives!r}, third_party_content={self.third_party_content!r}, web_crawl={self.web_crawl!r}, provider_terms={self.provider_terms!r}, notes={self.notes!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id, self.licence, self.source, self.aliases, self.non_commercial, self.research_only, self.no_derivatives, self.third_party_content, self.web_crawl, self.provider_terms, self.notes, ) == (other.id, other.licence, other.source, other.aliases, other.non_commercial, other.research_only, other.no_derivatives, other.third_party_content, other.web_crawl, other.provider_terms, other.notes, )
        return NotImplemented
    def __hash__(self):
        return hash((self.id, self.licence, self.source, self.aliases, self.non_commercial, self.research_only, self.no_derivatives, self.third_party_content, self.web_crawl, self.provider_terms, self.notes, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_knowledge_schema_Licence(cls, F):
    _d_spdx = F['spdx'].default
    _d_aliases = F['aliases'].default
    _d_urls = F['urls'].default
    _d_titles = F['titles'].default
    _d_copyleft = F['copyleft'].default
    _d_attribution = F['attribution'].default
    _d_share_alike = F['share_alike'].default
    _d_non_commercial = F['non_commercial'].default
    _d_no_derivatives = F['no_derivatives'].default
    _d_research_only = F['research_only'].default
    _d_use_restrictions = F['use_restrictions'].default
    _d_user_threshold = F['user_threshold'].default
    _d_naming = F['naming'].default
    _d_basis = F['basis'].default
    _d_osi = F['osi'].default
    _d_fsf_libre = F['fsf_libre'].default
    _d_osaid = F['osaid'].default
    _d_notes = F['notes'].default
    _fields = frozenset(('id', 'name', 'kind', 'source', 'spdx', 'aliases', 'urls', 'titles', 'copyleft', 'attribution', 'share_alike', 'non_commercial', 'no_derivatives', 'research_only', 'use_restrictions', 'user_threshold', 'naming', 'basis', 'osi', 'fsf_libre', 'osaid', 'notes', ))
    def __init__(self, id, name, kind, source, spdx=_d_spdx, aliases=_d_aliases, urls=_d_urls, titles=_d_titles, copyleft=_d_copyleft, attribution=_d_attribution, share_alike=_d_share_alike, non_commercial=_d_non_commercial, no_derivatives=_d_no_derivatives, research_only=_d_research_only, use_restrictions=_d_use_restrictions, user_threshold=_d_user_threshold, naming=_d_naming, basis=_d_basis, osi=_d_osi, fsf_libre=_d_fsf_libre, osaid=_d_osaid, notes=_d_notes):
        _set(self, 'id', id)
        _set(self, 'name', name)
        _set(self, 'kind', kind)
        _set(self, 'source', source)
        _set(self, 'spdx', spdx)
        _set(self, 'aliases', aliases)
        _set(self, 'urls', urls)
        _set(self, 'titles', titles)
        _set(self, 'copyleft', copyleft)
        _set(self, 'attribution', attribution)
        _set(self, 'share_alike', share_alike)
        _set(self, 'non_commercial', non_commercial)
        _set(self, 'no_derivatives', no_derivatives)
        _set(self, 'research_only', research_only)
        _set(self, 'use_restrictions', use_restrictions)
        _set(self, 'user_threshold', user_threshold)
        _set(self, 'naming', naming)
        _set(self, 'basis', basis)
        _set(self, 'osi', osi)
        _set(self, 'fsf_libre', fsf_libre)
        _set(self, 'osaid', osaid)
        _set(self, 'notes', notes)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(id={self.id!r}, name={self.name!r}, kind={self.kind!r}, source={self.source!r}, spdx={self.spdx!r}, aliases={self.aliases!r}, urls={self.urls!r}, titles={self.titles!r}, copyleft={self.copyleft!r}, attribution={self.attribution!r}, share_alike={self.share_alike!r}, non_commercial={self.non_commercial!r}, no_derivatives={self.no_derivatives!r}, research_only={self.research_only!r}, use_restrictions={self.use_restrictions!r}, user_threshold={self.user_threshold!r}, naming={self.naming!r}, basis={self.basis!r}, osi={self.osi!r}, fsf_libre={self.fsf_libre!r}, osaid={self.osaid!r}, notes={self.notes!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id, self.name, self.kind, self.source, self.spdx, self.aliases, self.urls, self.titles, self.copyleft, self.attribution, self.share_alike, self.non_commercial, self.no_derivatives, self.research_only, self.use_restrictions, self.user_threshold, self.naming, self.basis, self.osi, self.fsf_libre, self.osaid, self.notes, ) == (other.id, other.name, other.kind, other.source, other.spdx, other.aliases, other.urls, other.titles, other.copyleft, other.attribution, other.share_alike, other.non_commercial, other.no_derivatives, other.research_only, other.use_restrictions, other.user_threshold, other.naming, other.basis, other.osi, other.fsf_libre, other.osaid, other.notes, )
        return NotImplemented
    def __hash__(self):
        return hash((self.id, self.name, self.kind, self.source, self.spdx, self.aliases, self.urls, self.titles, self.copyleft, self.attribution, self.share_alike, self.non_commercial, self.no_derivatives, self.research_only, self.use_restrictions, self.user_threshold, self.naming, self.basis, self.osi, self.fsf_libre, self.osaid, self.notes, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_knowledge_schema_Model(cls, F):
    _d_aliases = F['aliases'].default
    _d_patterns = F['patterns'].default
    _d_duties = F['duties'].default
    _d_notes = F['notes'].default
    _fields = frozenset(('id', 'licence', 'source', 'aliases', 'patterns', 'duties', 'notes', ))
    def __init__(self, id, licence, source, aliases=_d_aliases, patterns=_d_patterns, duties=_d_duties, notes=_d_notes):
        _set(self, 'id', id)
        _set(self, 'licence', licence)
        _set(self, 'source', source)
        _set(self, 'aliases', aliases)
        _set(self, 'patterns', patterns)
        _set(self, 'duties', duties)
        _set(self, 'notes', notes)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(id={self.id!r}, licence={self.licence!r}, source={self.source!r}, aliases={self.aliases!r}, patterns={self.patterns!r}, duties={self.duties!r}, notes={self.notes!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id, self.licence, self.source, self.aliases, self.patterns, self.duties, self.notes, ) == (other.id, other.licence, other.source, other.aliases, other.patterns, other.duties, other.notes, )
        return NotImplemented
    def __hash__(self):
        return hash((self.id, self.licence, self.source, self.aliases, self.patterns, self.duties, self.notes, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_knowledge_store_Knowledge(cls, F):
    _f_licences = F['licences'].default_factory
    _f__datasets = F['_datasets'].default_factory
    _f__models = F['_models'].default_factory
    _f__licence_index = F['_licence_index'].default_factory
    _f__dataset_index = F['_dataset_index'].default_factory
    _f__model_index = F['_model_index'].default_factory
    _d__generated_loaded = F['_generated_loaded'].default
    _f__generated_raw = F['_generated_raw'].default_factory
    _d__patterns = F['_patterns'].default
    _d__titles = F['_titles'].default
    _d__names = F['_names'].default
    _d__generated_blob = F['_generated_blob'].default
    def __init__(self, licences=_HAS_FACTORY, _datasets=_HAS_FACTORY, _models=_HAS_FACTORY, _licence_index=_HAS_FACTORY, _dataset_index=_HAS_FACTORY, _model_index=_HAS_FACTORY, _generated_loaded=_d__generated_loaded, _generated_raw=_HAS_FACTORY, _patterns=_d__patterns, _titles=_d__titles, _names=_d__names, _generated_blob=_d__generated_blob):
        self.licences = _f_licences() if licences is _HAS_FACTORY else licences
        self._datasets = _f__datasets() if _datasets is _HAS_FACTORY else _datasets
        self._models = _f__models() if _models is _HAS_FACTORY else _models
        self._licence_index = _f__licence_index() if _licence_index is _HAS_FACTORY else _licence_index
        self._dataset_index = _f__dataset_index() if _dataset_index is _HAS_FACTORY else _dataset_index
        self._model_index = _f__model_index() if _model_index is _HAS_FACTORY else _model_index
        self._generated_loaded = _generated_loaded
        self._generated_raw = _f__generated_raw() if _generated_raw is _HAS_FACTORY else _generated_raw
        self._patterns = _patterns
        self._titles = _titles
        self._names = _names
        self._generated_blob = _generated_blob
    def __repr__(self):
        return f"{self.__class__.__qualname__}(licences={self.licences!r}, _datasets={self._datasets!r}, _models={self._models!r}, _licence_index={self._licence_index!r}, _dataset_index={self._dataset_index!r}, _model_index={self._model_index!r}, _generated_loaded={self._generated_loaded!r}, _generated_raw={self._generated_raw!r}, _patterns={self._patterns!r}, _titles={self._titles!r}, _names={self._names!r}, _generated_blob={self._generated_blob!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.licences, self._datasets, self._models, self._licence_index, self._dataset_index, self._model_index, self._generated_loaded, self._generated_raw, self._patterns, self._titles, self._names, self._generated_blob, ) == (other.licences, other._datasets, other._models, other._licence_index, other._dataset_index, other._model_index, other._generated_loaded, other._generated_raw, other._patterns, other._titles, other._names, other._generated_blob, )
        return NotImplemented
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': None}

def _modelicense_lineage_Base(cls, F):
    _fields = frozenset(('id', 'relation', 'location', 'source', ))
    def __init__(self, id, relation, location, source):
        _set(self, 'id', id)
        _set(self, 'relation', relation)
        _set(self, 'location', location)
        _set(self, 'source', source)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(id={self.id!r}, relation={self.relation!r}, location={self.location!r}, source={self.source!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id, self.relation, self.location, self.source, ) == (other.id, other.relation, other.location, other.source, )
        return NotImplemented
    def __hash__(self):
        return hash((self.id, self.relation, self.location, self.source, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Artefact(cls, F):
    _d_declarations = F['declarations'].default
    _d_references = F['references'].default
    _d_metadata = F['metadata'].default
    _d_size = F['size'].default
    _d_lfs_pointer = F['lfs_pointer'].default
    _d_dependencies = F['dependencies'].default
    _fields = frozenset(('path', 'kind', 'declarations', 'references', 'metadata', 'size', 'lfs_pointer', 'dependencies', ))
    def __init__(self, path, kind, declarations=_d_declarations, references=_d_references, metadata=_d_metadata, size=_d_size, lfs_pointer=_d_lfs_pointer, dependencies=_d_dependencies):
        _set(self, 'path', path)
        _set(self, 'kind', kind)
        _set(self, 'declarations', declarations)
        _set(self, 'references', references)
        _set(self, 'metadata', metadata)
        _set(self, 'size', size)
        _set(self, 'lfs_pointer', lfs_pointer)
        _set(self, 'dependencies', dependencies)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(path={self.path!r}, kind={self.kind!r}, declarations={self.declarations!r}, references={self.references!r}, metadata={self.metadata!r}, size={self.size!r}, lfs_pointer={self.lfs_pointer!r}, dependencies={self.dependencies!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.kind, self.declarations, self.references, self.metadata, self.size, self.lfs_pointer, self.dependencies, ) == (other.path, other.kind, other.declarations, other.references, other.metadata, other.size, other.lfs_pointer, other.dependencies, )
        return NotImplemented
    def __hash__(self):
        return hash((self.path, self.kind, self.declarations, self.references, self.metadata, self.size, self.lfs_pointer, self.dependencies, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Declaration(cls, F):
    _d_confidence = F['confidence'].default
    _d_is_text = F['is_text'].default
    _d_raw_at = F['raw_at'].default
    _fields = frozenset(('raw', 'scope', 'location', 'field', 'confidence', 'is_text', 'raw_at', ))
    def __init__(self, raw, scope, location, field, confidence=_d_confidence, is_text=_d_is_text, raw_at=_d_raw_at):
        _set(self, 'raw', raw)
        _set(self, 'scope', scope)
        _set(self, 'location', location)
        _set(self, 'field', field)
        _set(self, 'confidence', confidence)
        _set(self, 'is_text', is_text)
        _set(self, 'raw_at', raw_at)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(raw={self.raw!r}, scope={self.scope!r}, location={self.location!r}, field={self.field!r}, confidence={self.confidence!r}, is_text={self.is_text!r}, raw_at={self.raw_at!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.raw, self.scope, self.location, self.field, self.confidence, self.is_text, self.raw_at, ) == (other.raw, other.scope, other.location, other.field, other.confidence, other.is_text, other.raw_at, )
        return NotImplemented
    def __hash__(self):
        return hash((self.raw, self.scope, self.location, self.field, self.confidence, self.is_text, self.raw_at, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Dependency(cls, F):
    _d_local = F['local'].default
    _d_extras = F['extras'].default
    _d_group = F['group'].default
    _fields = frozenset(('ecosystem', 'name', 'location', 'raw', 'local', 'extras', 'group', ))
    def __init__(self, ecosystem, name, location, raw, local=_d_local, extras=_d_extras, group=_d_group):
        _set(self, 'ecosystem', ecosystem)
        _set(self, 'name', name)
        _set(self, 'location', location)
        _set(self, 'raw', raw)
        _set(self, 'local', local)
        _set(self, 'extras', extras)
        _set(self, 'group', group)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(ecosystem={self.ecosystem!r}, name={self.name!r}, location={self.location!r}, raw={self.raw!r}, local={self.local!r}, extras={self.extras!r}, group={self.group!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.ecosystem, self.name, self.location, self.raw, self.local, self.extras, self.group, ) == (other.ecosystem, other.name, other.location, other.raw, other.local, other.extras, other.group, )
        return NotImplemented
    def __hash__(self):
        return hash((self.ecosystem, self.name, self.location, self.raw, self.local, self.extras, self.group, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Extraction(cls, F):
    _d_declarations = F['declarations'].default
    _d_references = F['references'].default
    _d_problems = F['problems'].default
    _d_metadata = F['metadata'].default
    _d_kind = F['kind'].default
    _d_suppressions = F['suppressions'].default
    _d_dependencies = F['dependencies'].default
    _fields = frozenset(('declarations', 'references', 'problems', 'metadata', 'kind', 'suppressions', 'dependencies', ))
    def __init__(self, declarations=_d_declarations, references=_d_references, problems=_d_problems, metadata=_d_metadata, kind=_d_kind, suppressions=_d_suppressions, dependencies=_d_dependencies):
        _set(self, 'declarations', declarations)
        _set(self, 'references', references)
        _set(self, 'problems', problems)
        _set(self, 'metadata', metadata)
        _set(self, 'kind', kind)
        _set(self, 'suppressions', suppressions)
        _set(self, 'dependencies', dependencies)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(declarations={self.declarations!r}, references={self.references!r}, problems={self.problems!r}, metadata={self.metadata!r}, kind={self.kind!r}, suppressions={self.suppressions!r}, dependencies={self.dependencies!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.declarations, self.references, self.problems, self.metadata, self.kind, self.suppressions, self.dependencies, ) == (other.declarations, other.references, other.problems, other.metadata, other.kind, other.suppressions, other.dependencies, )
        return NotImplemented
    def __hash__(self):
        return hash((self.declarations, self.references, self.problems, self.metadata, self.kind, self.suppressions, self.dependencies, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Finding(cls, F):
    _d_related = F['related'].default
    _d_fingerprint = F['fingerprint'].default
    _d_root = F['root'].default
    _fields = frozenset(('rule', 'severity', 'message', 'location', 'related', 'fingerprint', 'root', ))
    def __init__(self, rule, severity, message, location, related=_d_related, fingerprint=_d_fingerprint, root=_d_root):
        _set(self, 'rule', rule)
        _set(self, 'severity', severity)
        _set(self, 'message', message)
        _set(self, 'location', location)
        _set(self, 'related', related)
        _set(self, 'fingerprint', fingerprint)
        _set(self, 'root', root)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(rule={self.rule!r}, severity={self.severity!r}, message={self.message!r}, location={self.location!r}, related={self.related!r}, fingerprint={self.fingerprint!r}, root={self.root!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.rule, self.severity, self.message, self.location, self.related, self.fingerprint, self.root, ) == (other.rule, other.severity, other.message, other.location, other.related, other.fingerprint, other.root, )
        return NotImplemented
    def __hash__(self):
        return hash((self.rule, self.severity, self.message, self.location, self.related, self.fingerprint, self.root, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_HiddenFinding(cls, F):
    _d_where = F['where'].default
    _d_reason = F['reason'].default
    _fields = frozenset(('finding', 'by', 'where', 'reason', ))
    def __init__(self, finding, by, where=_d_where, reason=_d_reason):
        _set(self, 'finding', finding)
        _set(self, 'by', by)
        _set(self, 'where', where)
        _set(self, 'reason', reason)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(finding={self.finding!r}, by={self.by!r}, where={self.where!r}, reason={self.reason!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.finding, self.by, self.where, self.reason, ) == (other.finding, other.by, other.where, other.reason, )
        return NotImplemented
    def __hash__(self):
        return hash((self.finding, self.by, self.where, self.reason, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Location(cls, F):
    _d_line = F['line'].default
    _d_column = F['column'].default
    _fields = frozenset(('path', 'line', 'column', ))
    def __init__(self, path, line=_d_line, column=_d_column):
        _set(self, 'path', path)
        _set(self, 'line', line)
        _set(self, 'column', column)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(path={self.path!r}, line={self.line!r}, column={self.column!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.line, self.column, ) == (other.path, other.line, other.column, )
        return NotImplemented
    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.line, self.column, ) < (other.path, other.line, other.column, )
        return NotImplemented
    def __le__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.line, self.column, ) <= (other.path, other.line, other.column, )
        return NotImplemented
    def __gt__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.line, self.column, ) > (other.path, other.line, other.column, )
        return NotImplemented
    def __ge__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.line, self.column, ) >= (other.path, other.line, other.column, )
        return NotImplemented
    def __hash__(self):
        return hash((self.path, self.line, self.column, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__lt__': __lt__, '__le__': __le__, '__gt__': __gt__, '__ge__': __ge__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Override(cls, F):
    _fields = frozenset(('table', 'ident', 'reason', ))
    def __init__(self, table, ident, reason):
        _set(self, 'table', table)
        _set(self, 'ident', ident)
        _set(self, 'reason', reason)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(table={self.table!r}, ident={self.ident!r}, reason={self.reason!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.table, self.ident, self.reason, ) == (other.table, other.ident, other.reason, )
        return NotImplemented
    def __hash__(self):
        return hash((self.table, self.ident, self.reason, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Problem(cls, F):
    _fields = frozenset(('code', 'message', 'location', ))
    def __init__(self, code, message, location):
        _set(self, 'code', code)
        _set(self, 'message', message)
        _set(self, 'location', location)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(code={self.code!r}, message={self.message!r}, location={self.location!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.code, self.message, self.location, ) == (other.code, other.message, other.location, )
        return NotImplemented
    def __hash__(self):
        return hash((self.code, self.message, self.location, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Reference(cls, F):
    _d_relation = F['relation'].default
    _fields = frozenset(('kind', 'id', 'location', 'relation', ))
    def __init__(self, kind, id, location, relation=_d_relation):
        _set(self, 'kind', kind)
        _set(self, 'id', id)
        _set(self, 'location', location)
        _set(self, 'relation', relation)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(kind={self.kind!r}, id={self.id!r}, location={self.location!r}, relation={self.relation!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.kind, self.id, self.location, self.relation, ) == (other.kind, other.id, other.location, other.relation, )
        return NotImplemented
    def __hash__(self):
        return hash((self.kind, self.id, self.location, self.relation, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Repository(cls, F):
    _d_problems = F['problems'].default
    _d_allow = F['allow'].default
    _d_suppressions = F['suppressions'].default
    _d_skipped = F['skipped'].default
    _f__views = F['_views'].default_factory
    _fields = frozenset(('root', 'artefacts', 'problems', 'allow', 'suppressions', 'skipped', '_views', ))
    def __init__(self, root, artefacts, problems=_d_problems, allow=_d_allow, suppressions=_d_suppressions, skipped=_d_skipped):
        _set(self, 'root', root)
        _set(self, 'artefacts', artefacts)
        _set(self, 'problems', problems)
        _set(self, 'allow', allow)
        _set(self, 'suppressions', suppressions)
        _set(self, 'skipped', skipped)
        _set(self, '_views', _f__views())
    def __repr__(self):
        return f"{self.__class__.__qualname__}(root={self.root!r}, artefacts={self.artefacts!r}, problems={self.problems!r}, allow={self.allow!r}, suppressions={self.suppressions!r}, skipped={self.skipped!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.root, self.artefacts, self.problems, self.allow, self.suppressions, self.skipped, ) == (other.root, other.artefacts, other.problems, other.allow, other.suppressions, other.skipped, )
        return NotImplemented
    def __hash__(self):
        return hash((self.root, self.artefacts, self.problems, self.allow, self.suppressions, self.skipped, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Resolution(cls, F):
    _d_keys = F['keys'].default
    _d_unrecognised = F['unrecognised'].default
    _d_alternatives = F['alternatives'].default
    _d_method = F['method'].default
    _d_ignorance = F['ignorance'].default
    _d_coverage = F['coverage'].default
    _d_confidence = F['confidence'].default
    _d_leftover = F['leftover'].default
    _fields = frozenset(('expression', 'keys', 'unrecognised', 'alternatives', 'method', 'ignorance', 'coverage', 'confidence', 'leftover', ))
    def __init__(self, expression, keys=_d_keys, unrecognised=_d_unrecognised, alternatives=_d_alternatives, method=_d_method, ignorance=_d_ignorance, coverage=_d_coverage, confidence=_d_confidence, leftover=_d_leftover):
        _set(self, 'expression', expression)
        _set(self, 'keys', keys)
        _set(self, 'unrecognised', unrecognised)
        _set(self, 'alternatives', alternatives)
        _set(self, 'method', method)
        _set(self, 'ignorance', ignorance)
        _set(self, 'coverage', coverage)
        _set(self, 'confidence', confidence)
        _set(self, 'leftover', leftover)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(expression={self.expression!r}, keys={self.keys!r}, unrecognised={self.unrecognised!r}, alternatives={self.alternatives!r}, method={self.method!r}, ignorance={self.ignorance!r}, coverage={self.coverage!r}, confidence={self.confidence!r}, leftover={self.leftover!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.expression, self.keys, self.unrecognised, self.alternatives, self.method, self.ignorance, self.coverage, self.confidence, self.leftover, ) == (other.expression, other.keys, other.unrecognised, other.alternatives, other.method, other.ignorance, other.coverage, other.confidence, other.leftover, )
        return NotImplemented
    def __hash__(self):
        return hash((self.expression, self.keys, self.unrecognised, self.alternatives, self.method, self.ignorance, self.coverage, self.confidence, self.leftover, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_ResolvedDeclaration(cls, F):
    _d_terms = F['terms'].default
    _fields = frozenset(('declaration', 'resolution', 'terms', ))
    def __init__(self, declaration, resolution, terms=_d_terms):
        _set(self, 'declaration', declaration)
        _set(self, 'resolution', resolution)
        _set(self, 'terms', terms)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(declaration={self.declaration!r}, resolution={self.resolution!r}, terms={self.terms!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.declaration, self.resolution, self.terms, ) == (other.declaration, other.resolution, other.terms, )
        return NotImplemented
    def __hash__(self):
        return hash((self.declaration, self.resolution, self.terms, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_ScanResult(cls, F):
    _f_findings = F['findings'].default_factory
    _f_silenced = F['silenced'].default_factory
    _f_lines = F['lines'].default_factory
    _d_inventory = F['inventory'].default
    _fields = frozenset(('root', 'repository', 'findings', 'silenced', 'lines', 'inventory', ))
    def __init__(self, root, repository, findings=_HAS_FACTORY, silenced=_HAS_FACTORY, lines=_HAS_FACTORY, inventory=_d_inventory):
        _set(self, 'root', root)
        _set(self, 'repository', repository)
        _set(self, 'findings', _f_findings() if findings is _HAS_FACTORY else findings)
        _set(self, 'silenced', _f_silenced() if silenced is _HAS_FACTORY else silenced)
        _set(self, 'lines', _f_lines() if lines is _HAS_FACTORY else lines)
        _set(self, 'inventory', inventory)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(root={self.root!r}, repository={self.repository!r}, findings={self.findings!r}, silenced={self.silenced!r}, lines={self.lines!r}, inventory={self.inventory!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.root, self.repository, self.findings, self.silenced, ) == (other.root, other.repository, other.findings, other.silenced, )
        return NotImplemented
    def __hash__(self):
        return hash((self.root, self.repository, self.findings, self.silenced, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Silenced(cls, F):
    _d_source = F['source'].default
    _d_rules_off = F['rules_off'].default
    _d_severities = F['severities'].default
    _d_fail_on = F['fail_on'].default
    _d_excluded = F['excluded'].default
    _d_card_kinds = F['card_kinds'].default
    _d_overrides = F['overrides'].default
    _d_hidden = F['hidden'].default
    _d_isolated = F['isolated'].default
    _fields = frozenset(('source', 'rules_off', 'severities', 'fail_on', 'excluded', 'card_kinds', 'overrides', 'hidden', 'isolated', ))
    def __init__(self, source=_d_source, rules_off=_d_rules_off, severities=_d_severities, fail_on=_d_fail_on, excluded=_d_excluded, card_kinds=_d_card_kinds, overrides=_d_overrides, hidden=_d_hidden, isolated=_d_isolated):
        _set(self, 'source', source)
        _set(self, 'rules_off', rules_off)
        _set(self, 'severities', severities)
        _set(self, 'fail_on', fail_on)
        _set(self, 'excluded', excluded)
        _set(self, 'card_kinds', card_kinds)
        _set(self, 'overrides', overrides)
        _set(self, 'hidden', hidden)
        _set(self, 'isolated', isolated)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(source={self.source!r}, rules_off={self.rules_off!r}, severities={self.severities!r}, fail_on={self.fail_on!r}, excluded={self.excluded!r}, card_kinds={self.card_kinds!r}, overrides={self.overrides!r}, hidden={self.hidden!r}, isolated={self.isolated!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.source, self.rules_off, self.severities, self.fail_on, self.excluded, self.card_kinds, self.overrides, self.hidden, self.isolated, ) == (other.source, other.rules_off, other.severities, other.fail_on, other.excluded, other.card_kinds, other.overrides, other.hidden, other.isolated, )
        return NotImplemented
    def __hash__(self):
        return hash((self.source, self.rules_off, self.severities, self.fail_on, self.excluded, self.card_kinds, self.overrides, self.hidden, self.isolated, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Suppression(cls, F):
    _d_whole_file = F['whole_file'].default
    _d_next_line = F['next_line'].default
    _fields = frozenset(('rules', 'reason', 'location', 'whole_file', 'next_line', ))
    def __init__(self, rules, reason, location, whole_file=_d_whole_file, next_line=_d_next_line):
        _set(self, 'rules', rules)
        _set(self, 'reason', reason)
        _set(self, 'location', location)
        _set(self, 'whole_file', whole_file)
        _set(self, 'next_line', next_line)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(rules={self.rules!r}, reason={self.reason!r}, location={self.location!r}, whole_file={self.whole_file!r}, next_line={self.next_line!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.rules, self.reason, self.location, self.whole_file, self.next_line, ) == (other.rules, other.reason, other.location, other.whole_file, other.next_line, )
        return NotImplemented
    def __hash__(self):
        return hash((self.rules, self.reason, self.location, self.whole_file, self.next_line, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_model_Term(cls, F):
    _d_values = F['values'].default
    _fields = frozenset(('kind', 'pattern', 'quote', 'location', 'values', ))
    def __init__(self, kind, pattern, quote, location, values=_d_values):
        _set(self, 'kind', kind)
        _set(self, 'pattern', pattern)
        _set(self, 'quote', quote)
        _set(self, 'location', location)
        _set(self, 'values', values)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(kind={self.kind!r}, pattern={self.pattern!r}, quote={self.quote!r}, location={self.location!r}, values={self.values!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.kind, self.pattern, self.quote, self.location, self.values, ) == (other.kind, other.pattern, other.quote, other.location, other.values, )
        return NotImplemented
    def __hash__(self):
        return hash((self.kind, self.pattern, self.quote, self.location, self.values, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_report_ReportOptions(cls, F):
    _d_colour = F['colour'].default
    _d_quiet = F['quiet'].default
    _fields = frozenset(('colour', 'quiet', ))
    def __init__(self, colour=_d_colour, quiet=_d_quiet):
        _set(self, 'colour', colour)
        _set(self, 'quiet', quiet)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(colour={self.colour!r}, quiet={self.quiet!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.colour, self.quiet, ) == (other.colour, other.quiet, )
        return NotImplemented
    def __hash__(self):
        return hash((self.colour, self.quiet, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_rules_Hit(cls, F):
    _d_related = F['related'].default
    _d_subject = F['subject'].default
    _d_severity = F['severity'].default
    _fields = frozenset(('message', 'location', 'related', 'subject', 'severity', ))
    def __init__(self, message, location, related=_d_related, subject=_d_subject, severity=_d_severity):
        _set(self, 'message', message)
        _set(self, 'location', location)
        _set(self, 'related', related)
        _set(self, 'subject', subject)
        _set(self, 'severity', severity)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(message={self.message!r}, location={self.location!r}, related={self.related!r}, subject={self.subject!r}, severity={self.severity!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.message, self.location, self.related, self.subject, self.severity, ) == (other.message, other.location, other.related, other.subject, other.severity, )
        return NotImplemented
    def __hash__(self):
        return hash((self.message, self.location, self.related, self.subject, self.severity, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_rules_Rule(cls, F):
    _fields = frozenset(('id', 'name', 'severity', 'check', 'doc', ))
    def __init__(self, id, name, severity, check, doc):
        _set(self, 'id', id)
        _set(self, 'name', name)
        _set(self, 'severity', severity)
        _set(self, 'check', check)
        _set(self, 'doc', doc)
    def __repr__(self):
        return f"{self.__class__.__qualname__}(id={self.id!r}, name={self.name!r}, severity={self.severity!r}, check={self.check!r}, doc={self.doc!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id, self.name, self.severity, self.check, self.doc, ) == (other.id, other.name, other.severity, other.check, other.doc, )
        return NotImplemented
    def __hash__(self):
        return hash((self.id, self.name, self.severity, self.check, self.doc, ))
    def __setattr__(self, name, value):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    def __delattr__(self, name):
        if type(self) is cls or name in _fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '__setattr__': __setattr__, '__delattr__': __delattr__}

def _modelicense_rules_common_LicenceGroup(cls, F):
    _f_locations = F['locations'].default_factory
    _f_folders = F['folders'].default_factory
    _f_files = F['files'].default_factory
    def __init__(self, licence, label, locations=_HAS_FACTORY, folders=_HAS_FACTORY, files=_HAS_FACTORY):
        self.licence = licence
        self.label = label
        self.locations = _f_locations() if locations is _HAS_FACTORY else locations
        self.folders = _f_folders() if folders is _HAS_FACTORY else folders
        self.files = _f_files() if files is _HAS_FACTORY else files
    def __repr__(self):
        return f"{self.__class__.__qualname__}(licence={self.licence!r}, label={self.label!r}, locations={self.locations!r}, folders={self.folders!r}, files={self.files!r})"
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.licence, self.label, self.locations, self.folders, self.files, ) == (other.licence, other.label, other.locations, other.folders, other.files, )
        return NotImplemented
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': None}

BUILDERS = {
    'modelicense.config.Config': (
        ((('select', 'tuple[str, ...]', ('default',)), ('ignore', 'tuple[str, ...]', ('default',)), ('fail_on', 'str', ('default',)), ('exclude', 'tuple[str, ...]', ('default',)), ('severity', 'Mapping[str, Severity]', ('field', False, True, True, True, None, True, None)), ('per_file_ignores', 'Mapping[str, tuple[str, ...]]', ('field', False, True, True, True, None, True, None)), ('allow', 'Mapping[str, tuple[str, ...]]', ('field', False, True, True, True, None, True, None)), ('licences', 'Mapping[str, Mapping[str, Any]]', ('field', False, True, True, True, None, True, None)), ('datasets', 'Mapping[str, Mapping[str, Any]]', ('field', False, True, True, True, None, True, None)), ('models', 'Mapping[str, Mapping[str, Any]]', ('field', False, True, True, True, None, True, None)), ('card_kinds', 'Mapping[str, str]', ('field', False, True, True, True, None, True, None)), ('baseline', 'str | None', ('default',)), ('baseline_named', 'bool', ('default',)), ('isolated', 'bool', ('default',)), ('source', 'str | None', ('default',))), (('frozen', True),), (), True),
        _modelicense_config_Config,
        "Config(select: 'tuple[str, ...]' = (), ignore: 'tuple[str, ...]' = (), fail_on: 'str' = 'warning', exclude: 'tuple[str, ...]' = (), severity: 'Mapping[str, Severity]' = <factory>, per_file_ignores: 'Mapping[str, tuple[str, ...]]' = <factory>, allow: 'Mapping[str, tuple[str, ...]]' = <factory>, licences: 'Mapping[str, Mapping[str, Any]]' = <factory>, datasets: 'Mapping[str, Mapping[str, Any]]' = <factory>, models: 'Mapping[str, Mapping[str, Any]]' = <factory>, card_kinds: 'Mapping[str, str]' = <factory>, baseline: 'str | None' = None, baseline_named: 'bool' = False, isolated: 'bool' = False, source: 'str | None' = None)",
    ),
    'modelicense.detect.answer.Answer': (
        ((('step', 'str', ('required',)), ('confidence', 'str', ('required',)), ('keys', 'tuple[tuple[str, str], ...]', ('required',)), ('expression', 'str | None', ('required',)), ('coverage', 'float | None', ('default',)), ('leftover', 'tuple[Span, ...]', ('default',)), ('stopped', 'bool', ('default',))), (('frozen', True),), (), False),
        _modelicense_detect_answer_Answer,
        None,
    ),
    'modelicense.detect.fastpath.FastMatch': (
        ((('keys', 'tuple[str, ...]', ('required',)), ('spdx', 'tuple[str, ...]', ('required',)), ('coverage', 'float', ('required',)), ('confidence', 'str', ('required',)), ('leftover', 'tuple[Span, ...]', ('default',))), (('frozen', True),), (), True),
        _modelicense_detect_fastpath_FastMatch,
        "FastMatch(keys: 'tuple[str, ...]', spdx: 'tuple[str, ...]', coverage: 'float', confidence: 'str', leftover: 'tuple[Span, ...]' = ())",
    ),
    'modelicense.detect.fastpath._Entry': (
        ((('key', 'str', ('required',)), ('text', 'str', ('required',))), (('frozen', True),), (), True),
        _modelicense_detect_fastpath__Entry,
        "_Entry(key: 'str', text: 'str')",
    ),
    'modelicense.detect.scancode_engine.ScancodeMatch': (
        ((('expression', 'str', ('required',)), ('spdx_expression', 'str', ('required',)), ('keys', 'tuple[tuple[str, str], ...]', ('required',)), ('coverage', 'float', ('required',)), ('stopped', 'bool', ('default',)), ('leftover', 'tuple[Span, ...]', ('default',)), ('rules', 'tuple[str, ...]', ('default',))), (('frozen', True),), (), True),
        _modelicense_detect_scancode_engine_ScancodeMatch,
        "ScancodeMatch(expression: 'str', spdx_expression: 'str', keys: 'tuple[tuple[str, str], ...]', coverage: 'float', stopped: 'bool' = False, leftover: 'tuple[Span, ...]' = (), rules: 'tuple[str, ...]' = ())",
    ),
    'modelicense.discover.Discovery': (
        ((('files', 'tuple[FoundFile, ...]', ('required',)), ('problems', 'tuple[Problem, ...]', ('required',)), ('excluded', 'tuple[str, ...]', ('default',))), (('frozen', True),), (), True),
        _modelicense_discover_Discovery,
        "Discovery(files: 'tuple[FoundFile, ...]', problems: 'tuple[Problem, ...]', excluded: 'tuple[str, ...]' = ())",
    ),
    'modelicense.discover.FoundFile': (
        ((('relpath', 'str', ('required',)), ('abspath', 'str', ('required',)), ('kind', 'FileKind', ('required',)), ('size', 'int', ('required',))), (('frozen', True),), (), True),
        _modelicense_discover_FoundFile,
        "FoundFile(relpath: 'str', abspath: 'str', kind: 'FileKind', size: 'int')",
    ),
    'modelicense.extract.frontmatter.FrontMatter': (
        ((('mapping', 'dict[str, yaml.Node]', ('required',)), ('key_lines', 'dict[str, int]', ('required',)), ('offset', 'int', ('required',)), ('data', 'dict | None', ('default',)), ('issues', 'tuple[Issue, ...]', ('default',)), ('repeated', 'dict[str, tuple[int, ...]]', ('field', False, True, True, True, None, True, None))), (('frozen', True),), (), True),
        _modelicense_extract_frontmatter_FrontMatter,
        "FrontMatter(mapping: 'dict[str, yaml.Node]', key_lines: 'dict[str, int]', offset: 'int', data: 'dict | None' = None, issues: 'tuple[Issue, ...]' = (), repeated: 'dict[str, tuple[int, ...]]' = <factory>)",
    ),
    'modelicense.extract.frontmatter.Issue': (
        ((('message', 'str', ('required',)), ('line', 'int', ('required',)), ('column', 'int', ('default',))), (('frozen', True),), (), False),
        _modelicense_extract_frontmatter_Issue,
        None,
    ),
    'modelicense.extract.frontmatter.Value': (
        ((('text', 'str', ('required',)), ('line', 'int', ('required',)), ('column', 'int', ('required',)), ('typed', 'Any', ('default',))), (('frozen', True),), (), True),
        _modelicense_extract_frontmatter_Value,
        "Value(text: 'str', line: 'int', column: 'int', typed: 'Any' = None)",
    ),
    'modelicense.extract.model_ids.Loader': (
        ((('call', 'str', ('required',)), ('position', 'int', ('required',)), ('keywords', 'tuple[str, ...]', ('required',)), ('source', 'str', ('required',)), ('qualifiers', 'tuple[str, ...]', ('default',)), ('type_keyword', 'str | None', ('default',)), ('prefixes', 'tuple[str, ...]', ('default',)), ('bare', 'bool', ('default',))), (('frozen', True),), (), False),
        _modelicense_extract_model_ids_Loader,
        None,
    ),
    'modelicense.extract.model_ids._Argument': (
        ((('keyword', 'str | None', ('default',)), ('strings', 'list[tokenize.TokenInfo]', ('field', False, True, True, True, None, True, None)), ('other', 'bool', ('default',)), ('pending', 'tokenize.TokenInfo | None', ('default',)), ('empty', 'bool', ('default',))), (), (), True),
        _modelicense_extract_model_ids__Argument,
        "_Argument(keyword: 'str | None' = None, strings: 'list[tokenize.TokenInfo]' = <factory>, other: 'bool' = False, pending: 'tokenize.TokenInfo | None' = None, empty: 'bool' = True)",
    ),
    'modelicense.extract.model_ids._Call': (
        ((('ident', 'str', ('required',)), ('line', 'int', ('required',)), ('column', 'int', ('required',))), (('frozen', True),), (), True),
        _modelicense_extract_model_ids__Call,
        "_Call(ident: 'str', line: 'int', column: 'int')",
    ),
    'modelicense.extract.model_ids._Frame': (
        ((('loader', 'Loader | None', ('required',)), ('arguments', 'list[_Argument]', ('field', False, True, True, True, None, True, None)), ('starred_at', 'int | None', ('default',))), (), (), True),
        _modelicense_extract_model_ids__Frame,
        "_Frame(loader: 'Loader | None', arguments: 'list[_Argument]' = <factory>, starred_at: 'int | None' = None)",
    ),
    'modelicense.extract.model_ids._Spot': (
        ((('line', 'int', ('required',)), ('column', 'int', ('required',)), ('ascii_only', 'bool', ('required',))), (('frozen', True),), (), False),
        _modelicense_extract_model_ids__Spot,
        None,
    ),
    'modelicense.inventory.data.DataSources': (
        ((('local', 'list[LocalData]', ('required',)), ('known', 'list[tuple[Reference, Dataset]]', ('required',)), ('unknown', 'list[Reference]', ('required',)), ('evaluated', 'list[tuple[Reference, Dataset | None]]', ('field', False, True, True, True, None, True, None))), (), (), True),
        _modelicense_inventory_data_DataSources,
        "DataSources(local: 'list[LocalData]', known: 'list[tuple[Reference, Dataset]]', unknown: 'list[Reference]', evaluated: 'list[tuple[Reference, Dataset | None]]' = <factory>)",
    ),
    'modelicense.inventory.data.LocalData': (
        ((('artefact', 'Artefact', ('required',)), ('metadata', 'list[ResolvedDeclaration]', ('required',)), ('prose', 'list[ResolvedDeclaration]', ('required',)), ('users', 'list[Reference]', ('field', False, True, True, True, None, True, None)), ('evaluators', 'list[Reference]', ('field', False, True, True, True, None, True, None)), ('section_terms', 'dict[str, dict[str, str]]', ('field', False, True, True, False, None, False, None))), (), (), False),
        _modelicense_inventory_data_LocalData,
        None,
    ),
    'modelicense.knowledge.duties.DutyEvidence': (
        ((('id', 'str', ('required',)), ('wanted', 'str', ('required',)), ('fields', 'tuple[str, ...]', ('required',)), ('patterns', 'tuple[re.Pattern[str], ...]', ('required',)), ('by_licence', 'dict[str, tuple[re.Pattern[str], ...]]', ('field', False, True, True, True, None, True, None))), (('frozen', True),), (), True),
        _modelicense_knowledge_duties_DutyEvidence,
        "DutyEvidence(id: 'str', wanted: 'str', fields: 'tuple[str, ...]', patterns: 'tuple[re.Pattern[str], ...]', by_licence: 'dict[str, tuple[re.Pattern[str], ...]]' = <factory>)",
    ),
    'modelicense.knowledge.kinds.TermKind': (
        ((('id', 'str', ('required',)), ('label', 'str', ('required',)), ('licence_property', 'str | None', ('required',)), ('restricts_use', 'bool', ('required',)), ('rules', 'tuple[str, ...]', ('default',)), ('dataset_flag', 'str | None', ('default',)), ('duty', 'str | None', ('default',))), (('frozen', True),), (), True),
        _modelicense_knowledge_kinds_TermKind,
        "TermKind(id: 'str', label: 'str', licence_property: 'str | None', restricts_use: 'bool', rules: 'tuple[str, ...]' = (), dataset_flag: 'str | None' = None, duty: 'str | None' = None)",
    ),
    'modelicense.knowledge.schema.Dataset': (
        ((('id', 'str', ('required',)), ('licence', 'str | None', ('required',)), ('source', 'str', ('required',)), ('aliases', 'tuple[str, ...]', ('default',)), ('non_commercial', 'bool', ('default',)), ('research_only', 'bool', ('default',)), ('no_derivatives', 'bool', ('default',)), ('third_party_content', 'bool', ('default',)), ('web_crawl', 'bool', ('default',)), ('provider_terms', 'str | None', ('default',)), ('notes', 'str', ('default',))), (('frozen', True),), (), True),
        _modelicense_knowledge_schema_Dataset,
        "Dataset(id: 'str', licence: 'str | None', source: 'str', aliases: 'tuple[str, ...]' = (), non_commercial: 'bool' = False, research_only: 'bool' = False, no_derivatives: 'bool' = False, third_party_content: 'bool' = False, web_crawl: 'bool' = False, provider_terms: 'str | None' = None, notes: 'str' = '')",
    ),
    'modelicense.knowledge.schema.Licence': (
        ((('id', 'str', ('required',)), ('name', 'str', ('required',)), ('kind', 'str', ('required',)), ('source', 'str', ('required',)), ('spdx', 'bool', ('default',)), ('aliases', 'tuple[str, ...]', ('default',)), ('urls', 'tuple[str, ...]', ('default',)), ('titles', 'tuple[str, ...]', ('default',)), ('copyleft', 'str', ('default',)), ('attribution', 'bool | None', ('default',)), ('share_alike', 'bool | None', ('default',)), ('non_commercial', 'bool | None', ('default',)), ('no_derivatives', 'bool | None', ('default',)), ('research_only', 'bool | None', ('default',)), ('use_restrictions', 'bool | None', ('default',)), ('user_threshold', 'bool | None', ('default',)), ('naming', 'bool | None', ('default',)), ('basis', 'str', ('default',)), ('osi', 'bool | None', ('default',)), ('fsf_libre', 'bool | None', ('default',)), ('osaid', 'bool | None', ('default',)), ('notes', 'str', ('default',))), (('frozen', True),), (), False),
        _modelicense_knowledge_schema_Licence,
        None,
    ),
    'modelicense.knowledge.schema.Model': (
        ((('id', 'str', ('required',)), ('licence', 'str', ('required',)), ('source', 'str', ('required',)), ('aliases', 'tuple[str, ...]', ('default',)), ('patterns', 'tuple[str, ...]', ('default',)), ('duties', 'tuple[str, ...]', ('default',)), ('notes', 'str', ('default',))), (('frozen', True),), (), True),
        _modelicense_knowledge_schema_Model,
        "Model(id: 'str', licence: 'str', source: 'str', aliases: 'tuple[str, ...]' = (), patterns: 'tuple[str, ...]' = (), duties: 'tuple[str, ...]' = (), notes: 'str' = '')",
    ),
    'modelicense.knowledge.store.Knowledge': (
        ((('licences', 'dict[str, Licence]', ('field', False, True, True, True, None, True, None)), ('_datasets', 'dict[str, Dataset | tuple[dict, str]]', ('field', False, True, True, True, None, True, None)), ('_models', 'dict[str, Model | tuple[dict, str]]', ('field', False, True, True, True, None, True, None)), ('_licence_index', 'dict[str, str]', ('field', False, True, True, True, None, True, None)), ('_dataset_index', 'dict[str, str]', ('field', False, True, True, True, None, True, None)), ('_model_index', 'dict[str, str]', ('field', False, True, True, True, None, True, None)), ('_generated_loaded', 'bool', ('default',)), ('_generated_raw', 'dict[str, tuple[dict | bytes, str]]', ('field', False, True, True, True, None, True, None)), ('_patterns', 'list[tuple[tuple[str, ...], str]] | None', ('default',)), ('_titles', 'list[tuple[str | None, str, str]] | None', ('default',)), ('_names', 'Any', ('default',)), ('_generated_blob', 'bytes | None', ('default',))), (), (), False),
        _modelicense_knowledge_store_Knowledge,
        None,
    ),
    'modelicense.lineage.Base': (
        ((('id', 'str', ('required',)), ('relation', 'str | None', ('required',)), ('location', 'Location', ('required',)), ('source', 'FileKind', ('required',))), (('frozen', True),), (), False),
        _modelicense_lineage_Base,
        None,
    ),
    'modelicense.model.Artefact': (
        ((('path', 'str', ('required',)), ('kind', 'FileKind', ('required',)), ('declarations', 'tuple[ResolvedDeclaration, ...]', ('default',)), ('references', 'tuple[Reference, ...]', ('default',)), ('metadata', 'tuple[tuple[str, str], ...]', ('default',)), ('size', 'int | None', ('default',)), ('lfs_pointer', 'bool', ('default',)), ('dependencies', 'tuple[Dependency, ...]', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Artefact,
        None,
    ),
    'modelicense.model.Declaration': (
        ((('raw', 'str', ('required',)), ('scope', 'Scope', ('required',)), ('location', 'Location', ('required',)), ('field', 'str', ('required',)), ('confidence', "Literal['high', 'low']", ('default',)), ('is_text', 'bool', ('default',)), ('raw_at', 'Location | None', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Declaration,
        None,
    ),
    'modelicense.model.Dependency': (
        ((('ecosystem', "Literal['pypi', 'conda', 'image', 'index']", ('required',)), ('name', 'str', ('required',)), ('location', 'Location', ('required',)), ('raw', 'str', ('required',)), ('local', 'str', ('default',)), ('extras', 'tuple[str, ...]', ('default',)), ('group', 'str', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Dependency,
        None,
    ),
    'modelicense.model.Extraction': (
        ((('declarations', 'tuple[Declaration, ...]', ('default',)), ('references', 'tuple[Reference, ...]', ('default',)), ('problems', 'tuple[Problem, ...]', ('default',)), ('metadata', 'tuple[tuple[str, str], ...]', ('default',)), ('kind', 'FileKind | None', ('default',)), ('suppressions', 'tuple[Suppression, ...]', ('default',)), ('dependencies', 'tuple[Dependency, ...]', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Extraction,
        None,
    ),
    'modelicense.model.Finding': (
        ((('rule', 'str', ('required',)), ('severity', 'Severity', ('required',)), ('message', 'str', ('required',)), ('location', 'Location', ('required',)), ('related', 'tuple[Location, ...]', ('default',)), ('fingerprint', 'str', ('default',)), ('root', 'str', ('default',))), (('frozen', True),), (), True),
        _modelicense_model_Finding,
        "Finding(rule: 'str', severity: 'Severity', message: 'str', location: 'Location', related: 'tuple[Location, ...]' = (), fingerprint: 'str' = '', root: 'str' = '.')",
    ),
    'modelicense.model.HiddenFinding': (
        ((('finding', 'Finding', ('required',)), ('by', 'str', ('required',)), ('where', 'str', ('default',)), ('reason', 'str', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_HiddenFinding,
        None,
    ),
    'modelicense.model.Location': (
        ((('path', 'str', ('required',)), ('line', 'int | None', ('default',)), ('column', 'int | None', ('default',))), (('frozen', True), ('order', True)), (), False),
        _modelicense_model_Location,
        None,
    ),
    'modelicense.model.Override': (
        ((('table', 'str', ('required',)), ('ident', 'str', ('required',)), ('reason', 'str', ('required',))), (('frozen', True),), (), False),
        _modelicense_model_Override,
        None,
    ),
    'modelicense.model.Problem': (
        ((('code', "Literal['malformed', 'unreadable', 'skipped']", ('required',)), ('message', 'str', ('required',)), ('location', 'Location', ('required',))), (('frozen', True),), (), False),
        _modelicense_model_Problem,
        None,
    ),
    'modelicense.model.Reference': (
        ((('kind', "Literal['dataset', 'base_model', 'model']", ('required',)), ('id', 'str', ('required',)), ('location', 'Location', ('required',)), ('relation', 'str | None', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Reference,
        None,
    ),
    'modelicense.model.Repository': (
        ((('root', 'str', ('required',)), ('artefacts', 'tuple[Artefact, ...]', ('required',)), ('problems', 'tuple[Problem, ...]', ('default',)), ('allow', 'tuple[tuple[str, tuple[str, ...]], ...]', ('default',)), ('suppressions', 'tuple[Suppression, ...]', ('default',)), ('skipped', 'tuple[tuple[str, str], ...]', ('default',)), ('_views', 'dict', ('field', False, True, False, False, False, False, None))), (('frozen', True),), (), False),
        _modelicense_model_Repository,
        None,
    ),
    'modelicense.model.Resolution': (
        ((('expression', 'str | None', ('required',)), ('keys', 'tuple[str, ...]', ('default',)), ('unrecognised', 'tuple[str, ...]', ('default',)), ('alternatives', 'bool', ('default',)), ('method', 'str', ('default',)), ('ignorance', 'str | None', ('default',)), ('coverage', 'float | None', ('default',)), ('confidence', 'str', ('default',)), ('leftover', 'tuple[tuple[int, int], ...]', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Resolution,
        None,
    ),
    'modelicense.model.ResolvedDeclaration': (
        ((('declaration', 'Declaration', ('required',)), ('resolution', 'Resolution', ('required',)), ('terms', 'tuple[Term, ...]', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_ResolvedDeclaration,
        None,
    ),
    'modelicense.model.ScanResult': (
        ((('root', 'str', ('required',)), ('repository', 'Repository', ('required',)), ('findings', 'tuple[Finding, ...]', ('field', False, True, True, True, None, True, None)), ('silenced', 'Silenced', ('field', False, True, True, True, None, True, None)), ('lines', 'Mapping[tuple[str, int], str]', ('field', False, True, True, True, None, False, None)), ('inventory', 'object | None', ('field', True, False, True, True, None, False, None))), (('frozen', True),), (), False),
        _modelicense_model_ScanResult,
        None,
    ),
    'modelicense.model.Silenced': (
        ((('source', 'str | None', ('default',)), ('rules_off', 'tuple[str, ...]', ('default',)), ('severities', 'tuple[tuple[str, str], ...]', ('default',)), ('fail_on', 'str | None', ('default',)), ('excluded', 'tuple[str, ...]', ('default',)), ('card_kinds', 'tuple[tuple[str, str], ...]', ('default',)), ('overrides', 'tuple[Override, ...]', ('default',)), ('hidden', 'tuple[HiddenFinding, ...]', ('default',)), ('isolated', 'bool', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Silenced,
        None,
    ),
    'modelicense.model.Suppression': (
        ((('rules', 'tuple[str, ...]', ('required',)), ('reason', 'str', ('required',)), ('location', 'Location', ('required',)), ('whole_file', 'bool', ('default',)), ('next_line', 'bool', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Suppression,
        None,
    ),
    'modelicense.model.Term': (
        ((('kind', 'str', ('required',)), ('pattern', 'str', ('required',)), ('quote', 'str', ('required',)), ('location', 'Location', ('required',)), ('values', 'tuple[str, ...]', ('default',))), (('frozen', True),), (), False),
        _modelicense_model_Term,
        None,
    ),
    'modelicense.report.ReportOptions': (
        ((('colour', 'bool', ('default',)), ('quiet', 'bool', ('default',))), (('frozen', True),), (), True),
        _modelicense_report_ReportOptions,
        "ReportOptions(colour: 'bool' = False, quiet: 'bool' = False)",
    ),
    'modelicense.rules.Hit': (
        ((('message', 'str', ('required',)), ('location', 'Location', ('required',)), ('related', 'tuple[Location, ...]', ('default',)), ('subject', 'str', ('default',)), ('severity', 'Severity | None', ('default',))), (('frozen', True),), (), False),
        _modelicense_rules_Hit,
        None,
    ),
    'modelicense.rules.Rule': (
        ((('id', 'str', ('required',)), ('name', 'str', ('required',)), ('severity', 'Severity', ('required',)), ('check', 'Check', ('required',)), ('doc', 'str', ('required',))), (('frozen', True),), (), True),
        _modelicense_rules_Rule,
        "Rule(id: 'str', name: 'str', severity: 'Severity', check: 'Check', doc: 'str')",
    ),
    'modelicense.rules.common.LicenceGroup': (
        ((('licence', 'Licence', ('required',)), ('label', 'str', ('required',)), ('locations', 'list[Location]', ('field', False, True, True, True, None, True, None)), ('folders', 'list[str]', ('field', False, True, True, True, None, True, None)), ('files', 'list[str]', ('field', False, True, True, True, None, True, None))), (), (), False),
        _modelicense_rules_common_LicenceGroup,
        None,
    ),
}
