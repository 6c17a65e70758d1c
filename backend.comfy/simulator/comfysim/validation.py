"""POST /prompt validation with ComfyUI 0.3.64's rules and exact error bodies (traces d_errors, behaviour D.1-D.3)."""
import traceback

from .nodes import NODES


def _err(typ, message, details, extra):
    return {"type": typ, "message": message, "details": details, "extra_info": extra}


def invalid_prompt(message, details=""):
    return _err("invalid_prompt", message, details, {})


def check_classes(prompt):
    """Returns the invalid_prompt error for a node without or with an unknown class_type, else None."""
    for node_id, node in prompt.items():
        if not isinstance(node, dict) or "class_type" not in node:
            return invalid_prompt("Cannot execute because a node is missing the class_type property.",
                                  "Node ID '#{}'".format(node_id))
        if node["class_type"] not in NODES:
            return invalid_prompt("Cannot execute because node {} does not exist.".format(node["class_type"]),
                                  "Node ID '#{}'".format(node_id))
    return None


def _convert(kind, value):
    if kind == "INT":
        return int(value)
    if kind == "FLOAT":
        return float(value)
    if kind == "STRING":
        return str(value)
    if kind == "BOOLEAN":
        return bool(value)
    return value


def _validate_node(env, prompt, node_id, validated):
    if node_id in validated:
        return validated[node_id]
    node = prompt[node_id]
    cls = NODES[node["class_type"]]
    info = cls.info(env)
    required = info["input"].get("required", {})
    optional = info["input"].get("optional", {})
    inputs = node.get("inputs", {})
    errors = []
    valid = True
    for name, config in list(required.items()) + list(optional.items()):
        if name not in inputs:
            if name in required:
                errors.append(_err("required_input_missing", "Required input is missing", name, {"input_name": name}))
                valid = False
            continue
        value = inputs[name]
        config = [config[0], config[1] if len(config) > 1 else {}]
        kind = config[0]
        opts = config[1] if len(config) > 1 else {}
        if isinstance(value, list):
            if len(value) != 2:
                errors.append(_err("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, slot_index]",
                                   name, {"input_name": name, "input_config": config, "received_value": value}))
                valid = False
                continue
            source = value[0]
            # ComfyUI looks the linked node up outside its try: a link to a missing node raises KeyError here, and
            # the caller validating this node records it against this node with its own input (trace d4).
            source_class = prompt[source]["class_type"]
            types = NODES[source_class].return_types(env)
            received = types[value[1]]
            expected = kind if isinstance(kind, str) else "COMBO"
            if received != expected and "*" not in (received, expected):
                details = "{}, received_type({}) mismatch input_type({})".format(name, received, expected)
                errors.append(_err("return_type_mismatch", "Return type mismatch between linked nodes", details,
                                   {"input_name": name, "input_config": config, "received_type": received,
                                    "linked_node": value}))
                valid = False
                continue
            try:
                result = _validate_node(env, prompt, source, validated)
                if result[0] is not True:
                    valid = False
            except Exception as ex:
                valid = False
                validated[source] = (False, [_err("exception_during_inner_validation",
                                                  "Exception when validating inner node", str(ex),
                                                  {"input_name": name, "input_config": config,
                                                   "exception_message": str(ex), "exception_type": type(ex).__name__,
                                                   "traceback": traceback.format_tb(ex.__traceback__),
                                                   "linked_node": value})], source)
            continue
        if cls.validate is not None and name == "image":
            continue
        if isinstance(kind, str) and kind in ("INT", "FLOAT", "STRING", "BOOLEAN"):
            try:
                value = _convert(kind, value)
            except Exception as ex:
                details = "{}, {}, {}".format(name, inputs[name], ex)
                errors.append(_err("invalid_input_type", "Failed to convert an input value to a {} value".format(kind),
                                   details, {"input_name": name, "input_config": config,
                                             "received_value": inputs[name], "exception_message": str(ex)}))
                valid = False
                continue
            if "min" in opts and value < opts["min"]:
                errors.append(_err("value_smaller_than_min", "Value {} smaller than min of {}".format(value, opts["min"]),
                                   name, {"input_name": name, "input_config": config, "received_value": value}))
                valid = False
                continue
            if "max" in opts and value > opts["max"]:
                errors.append(_err("value_bigger_than_max", "Value {} bigger than max of {}".format(value, opts["max"]),
                                   name, {"input_name": name, "input_config": config, "received_value": value}))
                valid = False
                continue
        elif isinstance(kind, list) or kind == "COMBO":
            options = kind if isinstance(kind, list) else opts.get("options", [])
            if value not in options:
                shown = options if len(options) <= 20 else options[:20] + ["..."]
                details = "{}: '{}' not in {}".format(name, value, shown)
                errors.append(_err("value_not_in_list", "Value not in list", details,
                                   {"input_name": name, "input_config": config, "received_value": value}))
                valid = False
    if cls.validate is not None:
        ret = cls.validate(env, inputs)
        if ret is not True:
            errors.append(_err("custom_validation_failed", "Custom validation failed for node",
                               "image - {}".format(ret), {"input_name": "image"}))
            valid = False
    result = (valid and not errors, errors, node_id)
    validated[node_id] = result
    return result


def validate_prompt(env, prompt):
    """Returns (ok, error, good_outputs, node_errors) like ComfyUI's validate_prompt."""
    error = check_classes(prompt)
    if error:
        return False, error, [], {}
    outputs = [nid for nid, node in prompt.items() if NODES[node["class_type"]].output_node]
    if not outputs:
        return False, _err("prompt_no_outputs", "Prompt has no outputs", "", {}), [], {}
    good, failures, node_errors, validated = [], [], {}, {}
    for out in outputs:
        try:
            valid, reasons, _ = _validate_node(env, prompt, out, validated)
        except Exception as ex:
            reasons = [_err("exception_during_validation", "Exception when validating node", str(ex),
                            {"exception_type": type(ex).__name__, "traceback": traceback.format_tb(ex.__traceback__)})]
            valid = False
            validated[out] = (False, reasons, out)
        if valid is True:
            good.append(out)
            continue
        failures.append(reasons)
        for node_id, (ok, node_reasons, _) in validated.items():
            if ok is not True and node_reasons:
                entry = node_errors.setdefault(node_id, {"errors": node_reasons, "dependent_outputs": [],
                                                         "class_type": prompt[node_id]["class_type"]})
                entry["dependent_outputs"].append(out)
    if not good:
        details = "\n".join("{}: {}".format(e["message"], e["details"]) for reasons in failures for e in reasons)
        return False, _err("prompt_outputs_failed_validation", "Prompt outputs failed validation", details, {}), [], node_errors
    return True, None, good, node_errors
