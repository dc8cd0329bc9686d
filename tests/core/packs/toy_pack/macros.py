from html import escape


def macros(project) -> dict:
    def toy_widget(page, text: str) -> str:
        return f'<div class="toy-box" data-hipdrop-widget="toy" data-text="{escape(text)}"><p>{escape(text)}</p></div>'

    return {"toy_widget": toy_widget}


def site_files(project) -> dict[str, bytes]:
    """A file the pack makes at build time, from the course it builds."""
    return {"assets/hipdrop/figures/toy.svg": f"<svg><text>made for {project.root.name}</text></svg>".encode()}
