"""`{% fragment %}`: part of a page kept in the cache until what it shows changes
(portal/fragments.py says how, and what must never be in one).

    {% load fragment_cache %}
    {% fragment "agenda-list" "events leerkringen themes" request.GET.urlencode %}
        ... the filter form, the cards and the pagination ...
    {% endfragment %}

The first argument names the fragment, the second lists the kinds of content it
shows (portal/content_versions.py), the rest is what else it varies on. Variables
set inside a fragment are not there outside it: on a hit nothing inside runs.
"""

from django import template

from portal import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, kinds, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.kinds = kinds
        self.vary_on = vary_on

    def render(self, context):
        kinds = self.kinds.resolve(context).split()
        vary_on = [variable.resolve(context) for variable in self.vary_on]
        return fragments.cached(
            context.get("request"),
            self.name.resolve(context),
            kinds,
            vary_on,
            lambda: self.nodelist.render(context),
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name, the kinds of content shown, and what it varies on."
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, kinds, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, name, kinds, vary_on)
