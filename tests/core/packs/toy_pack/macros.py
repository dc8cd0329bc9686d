from html import escape


def macros(project) -> dict:
    def toy_widget(page, text: str) -> str:
        return f'<div class="toy-box" data-hipdrop-widget="toy" data-text="{escape(text)}"><p>{escape(text)}</p></div>'

    return {"toy_widget": toy_widget}
